package io.pressline.publish.feed;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pressline.publish.PublishProperties;

/** The Atom and JSON feeds of each section, made from the published articles. */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

	@Bean
	Feeds feeds(PublishProperties properties) {
		return new Feeds(properties.baseUrl());
	}

}
