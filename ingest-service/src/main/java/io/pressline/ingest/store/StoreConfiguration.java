package io.pressline.ingest.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pressline.ingest.IngestProperties;

/** The instance's on-disk store ({@code pressline.ingest.store}). */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean(destroyMethod = "close")
	InstanceStore instanceStore(IngestProperties properties) {
		return new InstanceStore(properties.store().directory(), properties.store().cacheSize());
	}

}
