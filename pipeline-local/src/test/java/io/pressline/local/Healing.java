package io.pressline.local;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** What the end-to-end tests do to see the local pipeline heal an instance. */
final class Healing {

	private Healing() {
	}

	/**
	 * Kills an instance as {@code kill -9} would and waits until the pipeline has started
	 * it again and it is ready.
	 */
	static void killAndAwaitReadyAgain(ServiceInstance instance, Duration timeout) {
		int restarts = instance.restarts();
		instance.kill();
		awaitReadyAgain(instance, restarts, timeout);
	}

	/**
	 * Waits until the instance has been restarted after {@code restarts} and is ready.
	 */
	static void awaitReadyAgain(ServiceInstance instance, int restarts, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> instance.restarts() > restarts && instance.state() == ServiceInstance.State.READY);
	}

}
