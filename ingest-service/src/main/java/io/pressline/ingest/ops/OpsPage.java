package io.pressline.ingest.ops;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Where the operators' status page answers: {@code /ops/}. */
@Configuration(proxyBeanMethods = false)
class OpsPage implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/ops", "/ops/");
		registry.addViewController("/ops/").setViewName("forward:/ops/index.html");
	}

}
