package io.pressline.ingest.reenrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pressline.event.ArticlePublished;
import io.pressline.event.Enrichment;
import io.pressline.event.PublicationEventType;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.event.serde.EventSchemas;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TestTopics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The replay of the archive on the tests' broker: what it reads, where it stands after a
 * stop and a new instance, and how its limits hold, counted rather than timed. The
 * submission of each replay is recorded here instead of sent to the version sequencer
 * (ReenrichmentApiTests has that).
 */
@KafkaTest
class ArchiveReplayTests {

	static {
		EventSchemas.trust();
	}

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final String topic = "articles.latest.replay-" + UUID.randomUUID();

	private final String group = "replay-" + UUID.randomUUID();

	private final Queue<String> replayed = new ConcurrentLinkedQueue<>();

	private final List<ArchiveReplay> replays = new ArrayList<>();

	private Admin admin;

	@BeforeEach
	void topic() throws Exception {
		TestTopics.createIfAbsent(new NewTopic(this.topic, 3, (short) 1));
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
	}

	@AfterEach
	void stop() {
		this.replays.forEach(ArchiveReplay::close);
		this.admin.close();
	}

	@Test
	void everyLiveArticleIsReplayedOnceTombstonesArePassedOverAndLaterPublicationsAreNotTheRunsOnes() throws Exception {
		List<String> ids = publish(6);
		tombstone("retracted-article");
		CountDownLatch laterPublished = new CountDownLatch(1);
		ArchiveReplay replay = replay((published) -> {
			// The first replay waits until an article is published after the start.
			waitFor(laterPublished);
			return record(published);
		}, unlimited(), () -> 0);

		replay.start();
		List<String> later = publish(1);
		laterPublished.countDown();

		await().atMost(WAIT).until(() -> replay.progress().state().equals("FINISHED"));
		assertThat(this.replayed).containsExactlyInAnyOrderElementsOf(ids).doesNotContainAnyElementsOf(later);
		ReenrichmentProgress progress = replay.progress();
		assertThat(progress.done()).isEqualTo(7).isEqualTo(progress.total());
		assertThat(progress.submitted()).isEqualTo(6);
		assertThat(progress.skipped()).isEqualTo(1);
	}

	@Test
	void aStoppedRunIsTakenUpByAnotherInstanceFromItsPositionWithoutReplayingAnythingTwice() throws Exception {
		List<String> ids = publish(9);
		// A stopped clock: the first instance gets the one article a run starts with.
		AtomicLong frozen = new AtomicLong(0);
		ArchiveReplay first = replay(this::record, new ReplayRate(1, 1, frozen::get), () -> 0);
		first.start();
		await().atMost(WAIT).until(() -> this.replayed.size() == 1);

		ReenrichmentProgress stopped = first.stop();
		assertThat(stopped.state()).isEqualTo("STOPPED");
		assertThat(stopped.done()).isEqualTo(1);
		assertThat(stopped.total()).isEqualTo(9);

		ArchiveReplay second = replay(this::record, unlimited(), () -> 0);
		assertThat(second.progress().state()).isEqualTo("STOPPED");
		second.resumeIfUnfinished();

		await().atMost(WAIT).until(() -> second.progress().state().equals("FINISHED"));
		assertThat(this.replayed).hasSize(9).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(second.progress().submitted()).isEqualTo(8);
	}

	@Test
	void theRateLetsThroughWhatTheClockAllowsAndNoMore() throws Exception {
		publish(10);
		AtomicLong now = new AtomicLong(0);
		AtomicLong looks = new AtomicLong();
		LongSupplier clock = () -> {
			looks.incrementAndGet();
			return now.get();
		};
		ArchiveReplay replay = replay(this::record, new ReplayRate(2, 2, clock), () -> 0);

		replay.start();
		assertReplayedStaysAt(1, looks);

		now.addAndGet(TimeUnit.SECONDS.toNanos(1));
		assertReplayedStaysAt(3, looks);

		// Longer than the burst lasts: two more, not ten.
		now.addAndGet(TimeUnit.SECONDS.toNanos(30));
		assertReplayedStaysAt(5, looks);
	}

	@Test
	void itWaitsWhileLiveTrafficQueuesAndGoesOnOnceItIsDown() throws Exception {
		List<String> ids = publish(4);
		AtomicLong backlog = new AtomicLong(100);
		AtomicLong looks = new AtomicLong();
		ArchiveReplay replay = replay(this::record, unlimited(), () -> {
			looks.incrementAndGet();
			return backlog.get();
		});

		replay.start();
		await().atMost(WAIT).until(() -> replay.progress().state().equals("WAITING") && looks.get() >= 3);
		assertThat(this.replayed).isEmpty();
		assertThat(replay.progress().detail()).contains("100 records queue");

		backlog.set(50);
		long seen = looks.get();
		await().atMost(WAIT).until(() -> looks.get() >= seen + 3);
		assertThat(this.replayed).as("still above half of the threshold").isEmpty();

		backlog.set(3);
		await().atMost(WAIT).until(() -> replay.progress().state().equals("FINISHED"));
		assertThat(this.replayed).containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void aSecondStartWhileARunGoesOnIsRefused() throws Exception {
		publish(3);
		AtomicLong frozen = new AtomicLong(0);
		ArchiveReplay one = replay(this::record, new ReplayRate(1, 1, frozen::get), () -> 0);
		ArchiveReplay other = replay(this::record, unlimited(), () -> 0);
		one.start();
		await().atMost(WAIT).until(() -> this.replayed.size() == 1);

		org.assertj.core.api.Assertions.assertThatThrownBy(one::start)
			.isInstanceOf(ReenrichmentBusyException.class)
			.hasMessageContaining("this instance");
		org.assertj.core.api.Assertions.assertThatThrownBy(other::start)
			.isInstanceOf(ReenrichmentBusyException.class)
			.hasMessageContaining("another ingest instance");
	}

	/**
	 * The count reaches {@code expected}, and stays there while the worker looks again.
	 */
	private void assertReplayedStaysAt(int expected, AtomicLong looks) {
		await().atMost(WAIT).until(() -> this.replayed.size() >= expected);
		long seen = looks.get();
		await().atMost(WAIT).until(() -> looks.get() >= seen + 10);
		assertThat(this.replayed).hasSize(expected);
	}

	private Optional<Integer> record(ArticlePublished published) {
		this.replayed.add(published.getArticleId());
		return Optional.of(published.getVersion() + 1);
	}

	private ArchiveReplay replay(ArchiveReplay.Resubmission resubmission, ReplayRate rate, LongSupplier backlog) {
		Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, this.group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"latest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5);
		ArchiveReplay replay = new ArchiveReplay(this.topic, this.group,
				() -> new KafkaConsumer<String, SpecificRecord>(settings, new StringDeserializer(),
						new AvroEventDeserializer()),
				this.admin, resubmission, rate, new LiveTrafficFirst(50), backlog, Clock.systemUTC(), System::nanoTime);
		this.replays.add(replay);
		return replay;
	}

	private static ReplayRate unlimited() {
		return new ReplayRate(1_000_000, 1_000_000, System::nanoTime);
	}

	private List<String> publish(int count) throws Exception {
		List<String> ids = new ArrayList<>();
		try (KafkaProducer<String, SpecificRecord> producer = producer()) {
			for (int i = 0; i < count; i++) {
				String id = UUID.randomUUID().toString();
				producer.send(new ProducerRecord<>(this.topic, id, published(id))).get();
				ids.add(id);
			}
		}
		return ids;
	}

	private void tombstone(String id) throws Exception {
		try (KafkaProducer<String, SpecificRecord> producer = producer()) {
			producer.send(new ProducerRecord<>(this.topic, id, null)).get();
		}
	}

	private static KafkaProducer<String, SpecificRecord> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
				new StringSerializer(), new AvroEventSerializer());
	}

	static ArticlePublished published(String id) {
		Instant at = Instant.parse("2026-03-10T08:00:00Z");
		return ArticlePublished.newBuilder()
			.setArticleId(id)
			.setVersion(1)
			.setEventType(PublicationEventType.PUBLISHED)
			.setSlug("night-buses-return-" + id.substring(0, 8))
			.setHeadline("Night buses return")
			.setBody("The night buses run again from Friday.")
			.setSection("local")
			.setLanguage("en")
			.setEnrichment(Enrichment.newBuilder()
				.setEngine("test")
				.setLanguage("en")
				.setLanguageConfidence(0.99)
				.setWordCount(7)
				.setSentenceCount(1)
				.setReadingTimeSeconds(2)
				.setEnrichedAt(at)
				.build())
			.setSubmittedAt(at)
			.setFirstPublishedAt(at)
			.setPublishedAt(at)
			.build();
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("Nothing was published after the start");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
