package io.pressline.ingest.desk;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Where the desk page answers: {@code /desk/}, and the service's root sends there. */
@Configuration(proxyBeanMethods = false)
class DeskPage implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/desk/");
		registry.addRedirectViewController("/desk", "/desk/");
		registry.addViewController("/desk/").setViewName("forward:/desk/index.html");
	}

}
