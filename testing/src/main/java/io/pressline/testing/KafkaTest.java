package io.pressline.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that talks to the tests' Kafka broker ({@link TestKafka}), in-process or
 * from Testcontainers. Tagged {@value #TAG}: the Maven profile {@code testcontainers}
 * runs these again on a broker in a container (the unit-test phase's; the end-to-end
 * integration tests stay in the main run).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(KafkaTest.TAG)
@ExtendWith(TestKafka.class)
public @interface KafkaTest {

	/** The JUnit tag of tests on the tests' broker. */
	String TAG = "kafka";

}
