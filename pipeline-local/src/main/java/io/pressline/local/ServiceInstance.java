package io.pressline.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance of a service in the local pipeline, such as {@code enrich-service-2}: its
 * name (also its {@code pressline.instance-id}, hence its Kafka transactional id), port,
 * arguments and log stay the same for the life of the pipeline, while the JVM behind it
 * is started again each time it dies (see {@link RestartPolicy}).
 */
final class ServiceInstance {

	/** Where an instance is in its life. */
	enum State {

		/** Its JVM runs and is not ready yet. */
		STARTING,

		/** Its readiness probe answered UP. */
		READY,

		/** Its JVM died; it starts again after a back-off. */
		DOWN,

		/** It died too often to be restarted again. */
		GAVE_UP,

		/** The pipeline stopped it. */
		STOPPED

	}

	private final Service service;

	private final int number;

	private final Path jar;

	private final int port;

	private final String bootstrapServers;

	private final Path logDirectory;

	private final List<String> arguments;

	/** When it was restarted, for the restart policy; guarded by this object's lock. */
	private final List<Instant> restarts = new ArrayList<>();

	private volatile ServiceProcess process;

	private volatile State state = State.STOPPED;

	ServiceInstance(Service service, int number, Path jar, int port, String bootstrapServers, Path logDirectory,
			List<String> arguments) {
		this.service = service;
		this.number = number;
		this.jar = jar;
		this.port = port;
		this.bootstrapServers = bootstrapServers;
		this.logDirectory = logDirectory;
		this.arguments = List.copyOf(arguments);
	}

	Service service() {
		return this.service;
	}

	/** 1 for the first instance of its service, 2 for the second, and so on. */
	int number() {
		return this.number;
	}

	/** The service's name and the instance's number: {@code enrich-service-2}. */
	String name() {
		return this.service.artifact() + "-" + this.number;
	}

	int port() {
		return this.port;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	Path logFile() {
		return this.logDirectory.resolve(name() + ".log");
	}

	State state() {
		return this.state;
	}

	/** How often it was started again after dying. */
	synchronized int restarts() {
		return this.restarts.size();
	}

	/** When it was started again after dying, oldest first. */
	synchronized List<Instant> restartTimes() {
		return List.copyOf(this.restarts);
	}

	/** Its JVM now, or the last one if it is down. */
	ServiceProcess process() {
		return this.process;
	}

	/**
	 * Starts its JVM, for the first time or again after it died (the log then goes on).
	 * @return the new JVM, or {@code null} if it was stopped meanwhile
	 */
	synchronized ServiceProcess start() {
		boolean again = this.process != null;
		if (again && this.state != State.DOWN) {
			// Stopped meanwhile, or running already.
			return null;
		}
		if (again) {
			this.restarts.add(Instant.now());
		}
		this.process = ServiceProcess.start(this.service, name(), this.jar, this.port, this.bootstrapServers,
				this.logDirectory, this.arguments, again);
		this.state = State.STARTING;
		return this.process;
	}

	/** Marks it ready, if {@code process} is still its JVM. */
	synchronized void ready(ServiceProcess process) {
		if (this.process == process && this.state == State.STARTING) {
			this.state = State.READY;
		}
	}

	/**
	 * Marks it down after {@code process} exited, unless that is no longer its JVM or it
	 * was stopped.
	 * @return whether it is down now
	 */
	synchronized boolean down(ServiceProcess process) {
		if (this.process != process || this.state == State.STOPPED || this.state == State.GAVE_UP) {
			return false;
		}
		this.state = State.DOWN;
		return true;
	}

	synchronized void giveUp() {
		this.state = State.GAVE_UP;
	}

	/** Kills its JVM at once, as {@code kill -9} would; the pipeline then restarts it. */
	void kill() {
		ServiceProcess current = this.process;
		if (current != null) {
			current.kill();
		}
	}

	/** Stops its JVM gracefully, for good. */
	void stop() {
		ServiceProcess current;
		synchronized (this) {
			this.state = State.STOPPED;
			current = this.process;
		}
		if (current != null) {
			current.stop();
		}
	}

	@Override
	public String toString() {
		return name();
	}

}
