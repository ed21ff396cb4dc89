package io.pressline.ingest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

import io.pressline.platform.PipelineTopics;
import io.pressline.platform.draft.DraftRequests;
import io.pressline.platform.draft.DraftSettings;
import io.pressline.platform.security.PresslineSecurityConfiguration;
import io.pressline.platform.web.DraftProblems;

/**
 * What an ingest {@code @WebMvcTest} needs beyond its controller, and no broker: the
 * pipeline's settings, its access control and its problem documents for refused drafts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnableConfigurationProperties({ PipelineTopics.class, IngestProperties.class, DraftSettings.class })
@ImportAutoConfiguration(PresslineSecurityConfiguration.class)
@Import({ DraftProblems.class, HttpSlice.Drafts.class })
public @interface HttpSlice {

	/** The drafts read under the configured body limit, as the platform makes them. */
	class Drafts {

		@Bean
		DraftRequests draftRequests(DraftSettings settings, JsonMapper jsonMapper) {
			return new DraftRequests(settings.maxBodySize().toBytes(), jsonMapper);
		}

	}

}
