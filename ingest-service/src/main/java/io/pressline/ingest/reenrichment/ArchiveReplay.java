package io.pressline.ingest.reenrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.pressline.event.ArticlePublished;

/**
 * The re-enrichment of the archive: reads the current state of every published article
 * from the compacted {@code articles.latest} and submits each again, as a
 * {@code REENRICHMENT} version, through the pipeline (see {@link Replays});
 * publish-service publishes it only where the enrichment changed.
 * <p>
 * The position is the committed offset of the replay's own consumer group on
 * {@code articles.latest}, written after every article with the run's bounds beside it
 * ({@link RunMark}): a run stopped, or an instance that crashed, goes on from there, on
 * whichever instance takes it up (the group gives each partition to one of them). A crash
 * between a replay and its commit replays that one article twice, which publishes nothing
 * twice: the second is of a version no longer the one published, or finds it unchanged.
 * <p>
 * It goes at most at the rate of its {@link ReplayRate}, and waits whenever editors'
 * articles queue for enrich and publish ({@link LiveTrafficFirst}), so live traffic goes
 * first.
 */
public class ArchiveReplay implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ArchiveReplay.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private static final Duration WAIT_FOR_LIVE = Duration.ofMillis(500);

	private static final long TIMEOUT_SECONDS = 10;

	/**
	 * Submits the replay of one published article.
	 */
	@FunctionalInterface
	public interface Resubmission {

		/**
		 * @return the version the replay became, or empty when the article is not
		 * replayed (ingest does not know it, or knows it retracted)
		 * @throws RuntimeException when it cannot be submitted now; it is tried again
		 */
		Optional<Integer> replay(ArticlePublished published);

	}

	enum State {

		IDLE, RUNNING, WAITING, STOPPED, FINISHED, FAILED

	}

	private final String topic;

	private final String group;

	private final Supplier<Consumer<String, SpecificRecord>> consumers;

	private final Admin admin;

	private final Resubmission resubmission;

	private final ReplayRate rate;

	private final LiveTrafficFirst live;

	private final LongSupplier backlog;

	private final Clock clock;

	private final LongSupplier nanoTime;

	private final AtomicLong submitted = new AtomicLong();

	private final AtomicLong skipped = new AtomicLong();

	private volatile State state = State.IDLE;

	private volatile String detail;

	private volatile long takenUpAt;

	private volatile boolean stopping;

	private Thread worker;

	/**
	 * @param topic {@code articles.latest}
	 * @param group the replay's consumer group, whose offsets are its position
	 * @param consumers makes the group's consumer: committed reads, no auto commit, the
	 * group id set
	 * @param admin the service's admin client
	 * @param resubmission submits one replay
	 * @param rate the speed limit
	 * @param live when to wait for live traffic
	 * @param backlog the records waiting for enrich and publish
	 * @param clock for the run's start time
	 * @param nanoTime for the rate, as {@link System#nanoTime()}
	 */
	public ArchiveReplay(String topic, String group, Supplier<Consumer<String, SpecificRecord>> consumers, Admin admin,
			Resubmission resubmission, ReplayRate rate, LiveTrafficFirst live, LongSupplier backlog, Clock clock,
			LongSupplier nanoTime) {
		this.topic = topic;
		this.group = group;
		this.consumers = consumers;
		this.admin = admin;
		this.resubmission = resubmission;
		this.rate = rate;
		this.live = live;
		this.backlog = backlog;
		this.clock = clock;
		this.nanoTime = nanoTime;
	}

	/**
	 * Starts a new run over the whole of {@code articles.latest} as it is now; a run
	 * before it, finished or not, is forgotten.
	 * @throws ReenrichmentBusyException when a run is going on, here or on another
	 * instance
	 */
	public synchronized ReenrichmentProgress start() {
		if (active()) {
			throw new ReenrichmentBusyException("A re-enrichment is running on this instance; stop it first");
		}
		Instant now = this.clock.instant();
		String run = UUID.randomUUID().toString();
		Map<TopicPartition, Long> from = offsets(OffsetSpec.earliest());
		Map<TopicPartition, Long> until = offsets(OffsetSpec.latest());
		Map<TopicPartition, OffsetAndMetadata> marks = new HashMap<>();
		from.forEach((partition, first) -> marks.put(partition, new OffsetAndMetadata(first,
				new RunMark(run, first, until.getOrDefault(partition, first), now).encode())));
		try {
			this.admin.alterConsumerGroupOffsets(this.group, marks).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupNotEmptyException || ex.getCause() instanceof UnknownMemberIdException) {
				throw new ReenrichmentBusyException(
						"A re-enrichment is running on another ingest instance; stop it there first");
			}
			throw new IllegalStateException("Kafka did not take the new re-enrichment's position", ex.getCause());
		}
		catch (InterruptedException | TimeoutException ex) {
			interruptedOr(ex);
			throw new IllegalStateException("Kafka did not take the new re-enrichment's position in time", ex);
		}
		this.submitted.set(0);
		this.skipped.set(0);
		log.info("Re-enrichment {} started: {} records of {} to read", run,
				marks.values().stream().mapToLong((m) -> RunMark.decode(m.metadata()).orElseThrow().remaining(0)).sum(),
				this.topic);
		launch();
		return progress();
	}

	/**
	 * Goes on with the run from its position, if it is not finished.
	 * @throws ReenrichmentBusyException when there is no run to go on with
	 */
	public synchronized ReenrichmentProgress resume() {
		if (!active()) {
			if (!unfinished()) {
				throw new ReenrichmentBusyException("No unfinished re-enrichment to resume; start one");
			}
			launch();
		}
		return progress();
	}

	/** Takes the run up again if one is unfinished, as after a crash or a restart. */
	public synchronized void resumeIfUnfinished() {
		if (!active() && unfinished()) {
			log.info("An unfinished re-enrichment found: going on from its position");
			launch();
		}
	}

	/** Stops the run here; its position is kept, for {@link #resume()}. */
	public ReenrichmentProgress stop() {
		halt();
		return progress();
	}

	private void halt() {
		Thread running;
		synchronized (this) {
			running = this.worker;
			this.stopping = true;
		}
		if (running != null) {
			// Not interrupted: a replay being written finishes its transaction, and the
			// loop sees the request within a poll.
			try {
				running.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS * 3));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Where the run is: its position on every instance, from the group's committed
	 * offsets, and this instance's counts and rate.
	 */
	public ReenrichmentProgress progress() {
		Map<TopicPartition, OffsetAndMetadata> committed = committed();
		String run = null;
		Instant startedAt = null;
		long done = 0;
		long total = 0;
		for (OffsetAndMetadata offset : committed.values()) {
			Optional<RunMark> mark = RunMark.decode(offset.metadata());
			if (mark.isPresent()) {
				run = mark.get().run();
				startedAt = mark.get().startedAt();
				done += mark.get().done(offset.offset());
				total += mark.get().until() - mark.get().from();
			}
		}
		long read = this.submitted.get() + this.skipped.get();
		double seconds = (this.takenUpAt == 0) ? 0 : (this.nanoTime.getAsLong() - this.takenUpAt) / 1e9;
		double perSecond = (seconds > 0) ? read / seconds : 0;
		Long eta = (perSecond > 0) ? (long) Math.ceil((total - done) / perSecond) : null;
		State shown = this.state;
		if (shown == State.IDLE && run != null) {
			shown = (done >= total) ? State.FINISHED : State.STOPPED;
		}
		return new ReenrichmentProgress(shown.name(), run, startedAt, done, total, this.submitted.get(),
				this.skipped.get(), perSecond, eta, this.rate.perSecond(), this.detail);
	}

	/** Stops the run here without asking Kafka anything: the service is going down. */
	@Override
	public void close() {
		halt();
	}

	private boolean active() {
		return this.worker != null && this.worker.isAlive();
	}

	private boolean unfinished() {
		return committed().values()
			.stream()
			.anyMatch((offset) -> RunMark.decode(offset.metadata())
				.map((mark) -> mark.remaining(offset.offset()) > 0)
				.orElse(false));
	}

	private void launch() {
		this.stopping = false;
		this.detail = null;
		this.state = State.RUNNING;
		this.takenUpAt = this.nanoTime.getAsLong();
		Thread thread = new Thread(this::run, "reenrichment");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	private void run() {
		Map<TopicPartition, RunMark> marks = new ConcurrentHashMap<>();
		Set<TopicPartition> done = new HashSet<>();
		Deque<ConsumerRecord<String, SpecificRecord>> pending = new ArrayDeque<>();
		try (Consumer<String, SpecificRecord> consumer = this.consumers.get()) {
			consumer.subscribe(List.of(this.topic), new ConsumerRebalanceListener() {

				@Override
				public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
					pending.removeIf((record) -> partitions.contains(partitionOf(record)));
					partitions.forEach(marks::remove);
					done.removeAll(partitions);
				}

				@Override
				public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
					Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
					for (TopicPartition partition : partitions) {
						OffsetAndMetadata offset = committed.get(partition);
						Optional<RunMark> mark = (offset != null) ? RunMark.decode(offset.metadata())
								: Optional.empty();
						if (mark.isPresent() && mark.get().remaining(offset.offset()) > 0) {
							marks.put(partition, mark.get());
						}
						else {
							done.add(partition);
						}
					}
					consumer.pause(done);
				}

			});
			while (!this.stopping) {
				if (pending.isEmpty()) {
					consumer.resume(consumer.paused().stream().filter((p) -> !done.contains(p)).toList());
					consumer.poll(POLL).forEach(pending::add);
					if (pending.isEmpty()) {
						settleEnds(consumer, marks, done);
					}
					if (pending.isEmpty() && !consumer.assignment().isEmpty()
							&& done.containsAll(consumer.assignment())) {
						this.state = State.FINISHED;
						log.info("Re-enrichment finished here: {} submitted, {} passed over", this.submitted.get(),
								this.skipped.get());
						return;
					}
					continue;
				}
				ConsumerRecord<String, SpecificRecord> record = pending.peek();
				TopicPartition partition = partitionOf(record);
				RunMark mark = marks.get(partition);
				if (mark == null || record.offset() >= mark.until()) {
					// Published after the run started, under the current engine already.
					pending.removeIf((r) -> partitionOf(r).equals(partition));
					if (mark != null) {
						commit(consumer, partition, mark.until(), mark, done);
					}
					done.add(partition);
					consumer.pause(List.of(partition));
					continue;
				}
				if (record.value() == null) {
					// A retracted article's tombstone: nothing to replay.
					this.skipped.incrementAndGet();
					commit(consumer, partition, record.offset() + 1, mark, done);
					pending.poll();
					continue;
				}
				Duration wait = mayGo();
				if (!wait.isZero()) {
					idle(consumer, wait, pending);
					continue;
				}
				this.state = State.RUNNING;
				ArticlePublished published = (ArticlePublished) record.value();
				try (MDC.MDCCloseable article = MDC.putCloseable("articleId", published.getArticleId())) {
					Optional<Integer> version = this.resubmission.replay(published);
					if (version.isPresent()) {
						this.submitted.incrementAndGet();
						log.debug("Article {} v{} replayed as v{}", published.getArticleId(), published.getVersion(),
								version.get());
					}
					else {
						this.skipped.incrementAndGet();
					}
					this.detail = null;
				}
				catch (RuntimeException ex) {
					if (this.stopping) {
						break;
					}
					this.detail = "article " + published.getArticleId() + " not submitted, tried again: " + ex;
					log.warn("Re-enrichment of article {}: {}; tried again", published.getArticleId(), ex.toString());
					idle(consumer, RETRY, pending);
					continue;
				}
				commit(consumer, partition, record.offset() + 1, mark, done);
				pending.poll();
			}
			this.state = State.STOPPED;
			log.info("Re-enrichment stopped here: {} submitted, {} passed over; its position is kept",
					this.submitted.get(), this.skipped.get());
		}
		catch (RuntimeException ex) {
			if (this.stopping) {
				this.state = State.STOPPED;
				return;
			}
			this.state = State.FAILED;
			this.detail = ex.toString();
			log.error("Re-enrichment failed; resume it to go on from its position", ex);
		}
	}

	/**
	 * A partition read to its end may still be short of the run's end offset: the offsets
	 * of transaction markers and of records compacted away hold no record. Its position
	 * says it is done.
	 */
	private static void settleEnds(Consumer<String, SpecificRecord> consumer, Map<TopicPartition, RunMark> marks,
			Set<TopicPartition> done) {
		for (TopicPartition partition : consumer.assignment()) {
			RunMark mark = marks.get(partition);
			if (mark != null && !done.contains(partition)) {
				long position = consumer.position(partition);
				if (position >= mark.until()) {
					commit(consumer, partition, position, mark, done);
				}
			}
		}
	}

	/** Zero when the next article may go now; how long to wait otherwise. */
	private Duration mayGo() {
		long waiting = this.backlog.getAsLong();
		if (!this.live.mayReplay(waiting)) {
			this.state = State.WAITING;
			this.detail = "waiting for live traffic: "
					+ ((waiting < 0) ? "backlog not known yet" : waiting + " records queue for enrich and publish");
			return WAIT_FOR_LIVE;
		}
		if (this.rate.tryTake()) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(Math.max(1_000_000, Math.min(POLL.toNanos(), this.rate.nanosToNext())));
	}

	/**
	 * Waits without reading on, but polling, so the group keeps this member: records of a
	 * partition assigned meanwhile join the queue.
	 */
	private static void idle(Consumer<String, SpecificRecord> consumer, Duration wait,
			Deque<ConsumerRecord<String, SpecificRecord>> pending) {
		Set<TopicPartition> unpaused = new HashSet<>(consumer.assignment());
		unpaused.removeAll(consumer.paused());
		consumer.pause(unpaused);
		consumer.poll(wait).forEach(pending::add);
	}

	private static void commit(Consumer<String, SpecificRecord> consumer, TopicPartition partition, long next,
			RunMark mark, Set<TopicPartition> done) {
		try {
			consumer.commitSync(Map.of(partition, new OffsetAndMetadata(next, mark.encode())));
		}
		catch (CommitFailedException | RebalanceInProgressException ex) {
			// Another instance joined or left: whoever owns the partition next goes on
			// from its last committed position, replaying this one article again (which
			// publishes nothing twice).
			log.info("Position {} on {} not committed while the group rebalances: {}", next, partition,
					ex.getMessage());
			return;
		}
		if (next >= mark.until()) {
			done.add(partition);
			consumer.pause(List.of(partition));
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> committed() {
		try {
			Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(this.group)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
			offsets.forEach((partition, offset) -> {
				if (offset != null && partition.topic().equals(this.topic)) {
					mine.put(partition, offset);
				}
			});
			return mine;
		}
		catch (ExecutionException | InterruptedException | TimeoutException ex) {
			interruptedOr(ex);
			throw new IllegalStateException("Kafka did not answer where the re-enrichment is", ex);
		}
	}

	private Map<TopicPartition, Long> offsets(OffsetSpec spec) {
		try {
			int partitions = this.admin.describeTopics(List.of(this.topic))
				.allTopicNames()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
				.get(this.topic)
				.partitions()
				.size();
			Map<TopicPartition, OffsetSpec> request = new HashMap<>();
			for (int p = 0; p < partitions; p++) {
				request.put(new TopicPartition(this.topic, p), spec);
			}
			Map<TopicPartition, Long> offsets = new HashMap<>();
			this.admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
				.all()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
				.forEach((partition, info) -> offsets.put(partition, info.offset()));
			return offsets;
		}
		catch (ExecutionException | InterruptedException | TimeoutException ex) {
			interruptedOr(ex);
			throw new IllegalStateException("Kafka did not answer the offsets of " + this.topic, ex);
		}
	}

	private static void interruptedOr(Exception ex) {
		if (ex instanceof InterruptedException) {
			Thread.currentThread().interrupt();
		}
	}

	private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
		return new TopicPartition(record.topic(), record.partition());
	}

}
