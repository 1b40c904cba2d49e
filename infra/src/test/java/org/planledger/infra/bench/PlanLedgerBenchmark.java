package org.planledger.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.planledger.command.api.AddObjective;
import org.planledger.command.api.AddPriority;
import org.planledger.command.api.DefineIndicator;
import org.planledger.command.api.DraftPlan;
import org.planledger.command.api.RecordIndicatorReading;
import org.planledger.command.api.RecordProgress;
import org.planledger.events.Cadence;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.Target;
import org.planledger.events.TargetKind;
import org.planledger.infra.importer.ImportPlanner;
import org.planledger.infra.importer.ImportReport;
import org.planledger.infra.importer.PlanDocument;
import org.planledger.infra.importer.PlanImporter;
import org.planledger.events.ProgressRecorded;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.planledger.infra.command.CommandSender;
import org.planledger.infra.ledger.LedgerVerifier;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.DiffPlan;
import org.planledger.query.api.FindPlanAsAt;
import org.planledger.query.api.PlanDiff;
import org.planledger.query.journal.JournalReader;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The benchmarks of issue 7, one run, one table. Never part of the default test run (the class
 * name matches none of surefire's default patterns); run with {@code mvn -Pbench -pl infra -am verify}.
 * Every figure is the median of {@code bench.repetitions} (default 5) measurements after one
 * warm-up; every pair is measured in the same run against the same store.
 * <p>
 * Sizes, as system properties: {@code bench.plans} (generated three-year plans besides Kettering,
 * default 100, about 300,000 events), {@code bench.commands} (commands per throughput repetition),
 * {@code bench.postgres} (default true: PostgreSQL on 127.0.0.1:5432 as user postgres, in a
 * scratch database dropped afterwards), {@code bench.memory} (default true).
 */
class PlanLedgerBenchmark {

    static final int REPETITIONS = Integer.getInteger("bench.repetitions", 5);
    static final int PLANS = Integer.getInteger("bench.plans", 100);
    /** Each full-size replay takes minutes; fewer repetitions of that one figure keep a re-run short. */
    static final int REPLAY_REPETITIONS = Integer.getInteger("bench.replay-repetitions", REPETITIONS);
    static final boolean REPLAY_PROFILE = Boolean.parseBoolean(System.getProperty("bench.replay-profile", "true"));
    static final int COMMANDS = Integer.getInteger("bench.commands", 600);
    static final int QUERY_CALLS = Integer.getInteger("bench.query-calls", 200);
    static final int BOARD_REQUESTS = Integer.getInteger("bench.board-requests", 100);
    static final int LAG_SECONDS = Integer.getInteger("bench.lag-seconds", 5);
    static final boolean POSTGRES = Boolean.parseBoolean(System.getProperty("bench.postgres", "true"));
    static final boolean MEMORY = Boolean.parseBoolean(System.getProperty("bench.memory", "true"));
    static final int MEMORY_PLANS = Integer.getInteger("bench.memory-plans", 100);
    static final int MEMORY_SECONDS = Integer.getInteger("bench.memory-seconds", 180);
    static final String KETTERING = "kettering-csp-2013-2016";
    /**
     * Which parts run, comma-separated (default all): generate (the generated plans, needed by
     * replay, timetravel, verify, board and memory), replay, timetravel, verify, board, throughput, lag,
     * longhistory, import, postgres, memory. E.g. {@code -Dbench.only=longhistory,import,throughput}.
     */
    static final List<String> ONLY = List.of(System.getProperty("bench.only",
            "generate,replay,timetravel,verify,board,throughput,lag,longhistory,import,postgres,memory").split(","));
    /** Commands sent to one plan per long-history repetition; the figure compares the 20th with the LONG_HISTORY-th. */
    static final int LONG_HISTORY = Integer.getInteger("bench.long-history", 2_000);
    static final int LONG_HISTORY_REPETITIONS = Integer.getInteger("bench.long-history-repetitions", 3);
    /**
     * Extra arguments for the embedded application, separated by spaces; e.g.
     * {@code -Dbench.app-args=--planledger.command-side.aggregate-cache.max-events=0} measures without the aggregate cache.
     */
    static final String APP_ARGS = System.getProperty("bench.app-args", "").trim();
    /** Extra arguments for the memory row's child service (-Xmx256m), separated by spaces. */
    static final String MEMORY_APP_ARGS = System.getProperty("bench.memory-app-args", "").trim();
    /** A file to write a JFR recording (profile settings) of the long-history and import benchmarks to; blank: none. */
    static final String WRITES_JFR = System.getProperty("bench.writes-jfr", "");
    static final int IMPORT_REPETITIONS = Integer.getInteger("bench.import-repetitions", 3);
    static final ObjectMapper JSON = new ObjectMapper();

    private final Figures figures = new Figures();
    private final LagProbe lagProbe = new LagProbe();
    private final AtomicLong noteCounter = new AtomicLong();

    @Test
    void benchmarks() throws Exception {
        Path work = Files.createTempDirectory("plan-ledger-bench");
        Path embeddedDir = work.resolve("embedded");
        long events;
        System.out.printf("BENCH start %s, %d cores, repetitions %d, generated plans %d, parts %s, application arguments [%s]%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), REPETITIONS, PLANS, ONLY, APP_ARGS);
        List<String> appArgs = new ArrayList<>(APP_ARGS.isEmpty() ? List.of() : List.of(APP_ARGS.split("\\s+")));
        appArgs.add("--planledger.security.users-file=" + usersFile(work));
        try (ConfigurableApplicationContext app = start(embeddedDir, appArgs.toArray(String[]::new))) {
            ReadModels.awaitCaughtUp(app, Duration.ofMinutes(5));
            events = count(app.getBean(DataSource.class), null);
            if (ONLY.contains("generate")) {
                events = generate(app);
                if (ONLY.contains("replay")) {
                    replay(app, events);
                }
                if (ONLY.contains("timetravel")) {
                    timeTravel(app);
                }
                if (ONLY.contains("verify")) {
                    verifyLedger(app);
                }
                if (ONLY.contains("board")) {
                    boardOverHttp(app);
                }
            }
            try (Recording recording = WRITES_JFR.isEmpty() ? null : new Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
                if (recording != null) {
                    recording.start();
                }
                if (ONLY.contains("longhistory")) {
                    longHistory(app);
                }
                if (ONLY.contains("import")) {
                    importLargePlan(app);
                }
                if (recording != null) {
                    recording.dump(Paths.get(WRITES_JFR));
                    System.out.println("BENCH flight recording of the write benchmarks: " + WRITES_JFR);
                }
            }
            if (ONLY.contains("throughput")) {
                throughput(app, "embedded H2 (WRITE_DELAY=0)", "h2", false);
            }
            if (ONLY.contains("lag")) {
                lag(app);
            }
            events = count(app.getBean(DataSource.class), null);
        }
        if (POSTGRES && ONLY.contains("postgres")) {
            postgres(work.resolve("postgres"));
        }
        if (MEMORY && ONLY.contains("memory") && ONLY.contains("generate")) {
            memory(embeddedDir, events);
        }
        String table = "Measured " + ZonedDateTime.now().toLocalDate() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores (`nproc`), " + events + " events in the embedded store at the end.\n\n" + figures.markdown();
        System.out.println("\n" + table);
        Path results = Paths.get("target", "bench-results.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table);
        System.out.println("BENCH table written to " + results.toAbsolutePath());
    }

    // ---- the application -------------------------------------------------------------------------

    private ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--planledger.data-dir=" + dataDir, "--server.port=0",
                "--server.address=127.0.0.1", "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        if (args.stream().noneMatch(arg -> arg.startsWith("--planledger.demo.enabled"))) {
            args.add("--planledger.demo.enabled=true"); // the test resources switch the demo plan off
        }
        ApplicationContextInitializer<GenericApplicationContext> probe =
                context -> context.registerBean("benchLagProbe", ConfigurerModule.class, lagProbe::module);
        return new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .initializers(probe).run(args.toArray(String[]::new));
    }

    private static long count(DataSource dataSource, String aggregatePrefix) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(aggregatePrefix == null
                     ? "select count(*) from domain_event_entry"
                     : "select count(*) from domain_event_entry where aggregateIdentifier = ? or aggregateIdentifier like ?")) {
            if (aggregatePrefix != null) {
                select.setString(1, aggregatePrefix);
                select.setString(2, aggregatePrefix + "-%");
            }
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Kettering (already imported) plus one three-year plan through the gateway, copied PLANS - 1 times. */
    private long generate(ConfigurableApplicationContext app) throws Exception {
        CommandSender sender = app.getBean(CommandSender.class);
        DataSource dataSource = app.getBean(DataSource.class);
        long start = System.nanoTime();
        int commands = BenchPlans.threeYearPlan(sender, BenchPlans.planId(0), 4);
        double commandSeconds = (System.nanoTime() - start) / 1e9;
        List<BenchPlans.Row> template = BenchPlans.rowsOf(dataSource, BenchPlans.planId(0));
        start = System.nanoTime();
        long copied = BenchPlans.copies(dataSource, template, BenchPlans.planId(0),
                IntStream.range(1, PLANS).mapToObj(BenchPlans::planId).toList());
        double copySeconds = (System.nanoTime() - start) / 1e9;
        long events = count(dataSource, null);
        System.out.printf("BENCH generated: template plan %d commands -> %d events in %.1f s; %d copies -> %d rows in %.1f s; "
                + "store holds %d events%n", commands, template.size(), commandSeconds, PLANS - 1, copied, copySeconds, events);
        start = System.nanoTime();
        ReadModels.awaitCaughtUp(app, Duration.ofMinutes(60));
        System.out.printf("BENCH initial projection of the generated events: %.1f s%n", (System.nanoTime() - start) / 1e9);
        return events;
    }

    // ---- 2. replay ---------------------------------------------------------------------------------

    private void replay(ConfigurableApplicationContext app, long events) {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        EventStore eventStore = app.getBean(EventStore.class);
        MongoDatabase mongo = app.getBean("planLedgerMongoDatabase", MongoDatabase.class);
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();

        // CPU time of this process (the projections, the embedded MongoDB server, the store) per replay: on a
        // machine shared with other builds the wall-clock rate swings with their load, the CPU spent much less
        List<Double> replayCpu = new ArrayList<>();
        double replay = Figures.medianOf(REPLAY_REPETITIONS, () -> {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            processors.forEach(StreamingEventProcessor::shutDown);
            processors.forEach(StreamingEventProcessor::resetTokens);
            processors.forEach(StreamingEventProcessor::start);
            await(() -> ReadModels.awaitCaughtUp(app, Duration.ofMinutes(60)));
            replayCpu.add((processCpuNanos() - cpuStart) / 1e6 / (events / 1_000.0));
            return events / ((System.nanoTime() - start) / 1e9);
        });
        if (REPLAY_PROFILE) {
            try (StackSampler profile = new StackSampler("one more replay (not counted)")) {
                processors.forEach(StreamingEventProcessor::shutDown);
                processors.forEach(StreamingEventProcessor::resetTokens);
                processors.forEach(StreamingEventProcessor::start);
                await(() -> ReadModels.awaitCaughtUp(app, Duration.ofMinutes(60)));
            }
        }
        List<Double> readCpu = new ArrayList<>();
        double read = Figures.medianOf(REPETITIONS, () -> {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                for (long i = 0; i < events; i++) {
                    TrackedEventMessage<?> message = stream.nextAvailable();
                    message.getPayload();
                    message.getMetaData();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            readCpu.add((processCpuNanos() - cpuStart) / 1e6 / (events / 1_000.0));
            return events / ((System.nanoTime() - start) / 1e9);
        });
        double cpuPerThousand = Figures.percentile(replayCpu, 50);
        double readCpuPerThousand = Figures.percentile(readCpu, 50);
        System.out.printf("BENCH   replay CPU (this process) %.0f ms per 1,000 events (reps %s); read+deserialise %.1f ms%n",
                cpuPerThousand, replayCpu, readCpuPerThousand);
        long[] documents = new long[1];
        double upsert = Figures.medianOf(REPETITIONS, () -> {
            long nanos = 0;
            documents[0] = 0;
            for (String name : mongo.listCollectionNames()) {
                if (name.equals("trackingtokens") || name.startsWith("bench_")) {
                    continue;
                }
                MongoCollection<Document> target = mongo.getCollection("bench_" + name);
                target.drop();
                List<WriteModel<Document>> batch = new ArrayList<>();
                // small batches: a board document of a 3,000-event plan is close to a megabyte, and the
                // wire server does not split a default first batch under the driver's 48 MB message limit
                for (Document document : mongo.getCollection(name).find().batchSize(10)) {
                    batch.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                            new ReplaceOptions().upsert(true)));
                    documents[0]++;
                    if (batch.size() == 500) {
                        nanos += bulk(target, batch);
                    }
                }
                if (!batch.isEmpty()) {
                    nanos += bulk(target, batch);
                }
                target.drop();
            }
            return events / (nanos / 1e9);
        });
        double slower = Math.min(read, upsert);
        figures.add("2. Replay, rebuild every projection after a reset (embedded)", Figures.rate(replay) + " events",
                "read+deserialise " + Figures.rate(read) + "; bulk upsert of the " + documents[0] + " resulting documents "
                        + Figures.rate(upsert) + " events-equivalent",
                "%.0f%% of the slower".formatted(100 * replay / slower), ">= 50% of the slower baseline",
                replay >= 0.5 * slower, events + " events; CPU %.0f ms per 1,000 events (read+deserialise %.1f ms)"
                        .formatted(cpuPerThousand, readCpuPerThousand));
    }

    /** CPU time used so far by this JVM, every thread (the embedded MongoDB server runs in it too). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long bulk(MongoCollection<Document> target, List<WriteModel<Document>> batch) {
        long start = System.nanoTime();
        target.bulkWrite(batch, new BulkWriteOptions().ordered(false));
        batch.clear();
        return System.nanoTime() - start;
    }

    // ---- 3. time travel ----------------------------------------------------------------------------

    /**
     * As at and diff on the generated plan through the query gateway, against the plain read of the
     * plan's journal (no decoding) in the same run. Four ways of asking: the same date again and
     * again (what a committee paging through one meeting does: answered from the kept state);
     * a different date on every call (the decoded journal is kept, each state is folded afresh);
     * the same date with a progress note appended before every call (the kept state is extended by
     * the new event); and the diff. "Before": {@code -Dbench.app-args="--planledger.query-side.time-travel.journal-events=0
     * --planledger.query-side.time-travel.folded-events=0"}.
     */
    private void timeTravel(ConfigurableApplicationContext app) {
        QueryGateway queries = app.getBean(QueryGateway.class);
        CommandSender sender = app.getBean(CommandSender.class);
        JournalReader journal = new JournalReader(app.getBean("planLedgerMongoDatabase", MongoDatabase.class));
        String planId = BenchPlans.planId(0);
        int entries = journal.planEntries(planId).orElseThrow().size();
        LocalDate asAtDate = LocalDate.parse("2014-06-30");
        Latency plain = latency(() -> journal.planEntries(planId).orElseThrow());
        Latency asAt = latency(() -> queries.query(new FindPlanAsAt(planId, asAtDate, null),
                ResponseTypes.optionalInstanceOf(BoardView.class)).join().orElseThrow());
        int[] day = {0};
        Latency anyDate = latency(() -> queries.query(new FindPlanAsAt(planId, BenchPlans.START.plusDays((day[0] += 7) % 1_096), null),
                ResponseTypes.optionalInstanceOf(BoardView.class)).join().orElseThrow());
        Latency diff = latency(() -> queries.query(new DiffPlan(planId, LocalDate.parse("2013-04-01"), LocalDate.parse("2015-03-31")),
                ResponseTypes.optionalInstanceOf(PlanDiff.class)).join().orElseThrow());
        // a note appended before each call (not timed), then the query once the journal has it
        // on a copy of the plan when there is one, so the board rows still see the 3,074-event plan
        String appendedPlan = PLANS > 1 ? BenchPlans.planId(1) : planId;
        String appendedAction = BenchPlans.actionId(appendedPlan, 0);
        Latency afterAppend = latency(() -> {
            sender.sendAndWait(progress(appendedAction, "tt-" + noteCounter.incrementAndGet()), BenchPlans.ORIGIN);
            await(() -> ReadModels.awaitCaughtUp(app, Duration.ofMinutes(1)));
            long start = System.nanoTime();
            queries.query(new FindPlanAsAt(appendedPlan, asAtDate, null), ResponseTypes.optionalInstanceOf(BoardView.class))
                    .join().orElseThrow();
            return (System.nanoTime() - start) / 1e6;
        }, true);
        try (StackSampler profile = new StackSampler("FindPlanAsAt, a different date each call, x " + QUERY_CALLS)) {
            for (int i = 0; i < QUERY_CALLS; i++) {
                queries.query(new FindPlanAsAt(planId, BenchPlans.START.plusDays((day[0] += 7) % 1_096), null),
                        ResponseTypes.optionalInstanceOf(BoardView.class)).join();
            }
        }
        String baseline = "plain read of the plan's " + entries + " journal entries: p50 " + Figures.ms(plain.p50()) + ", p99 "
                + Figures.ms(plain.p99());
        for (var query : List.of(new Object[]{"FindPlanAsAt, the same date", asAt},
                new Object[]{"FindPlanAsAt, a different date each call", anyDate},
                new Object[]{"FindPlanAsAt, a note appended before each call", afterAppend},
                new Object[]{"DiffPlan, 2013-04-01 to 2015-03-31", diff})) {
            Latency l = (Latency) query[1];
            figures.add("3. Time travel: " + query[0] + " (embedded, query gateway)",
                    "p50 " + Figures.ms(l.p50()) + ", p99 " + Figures.ms(l.p99()), baseline,
                    "p99 %.2f×".formatted(l.p99() / plain.p99()), "p99 ≤ 30 ms", l.p99() <= 30,
                    "60 actions × 18 notes + RAG, referrals, money, risks");
        }
    }

    // ---- 9. ledger verification (issue 16) ----------------------------------------------------------

    /**
     * {@code LedgerVerifier.verify()} over the whole bench store (the copies are chained as they are
     * written, see {@link BenchPlans#copies}), against the plain read of every event row in global
     * order with the same columns and fetch size in the same run. The store must verify.
     */
    private void verifyLedger(ConfigurableApplicationContext app) {
        LedgerVerifier verifier = app.getBean(LedgerVerifier.class);
        DataSource dataSource = app.getBean(DataSource.class);
        LedgerVerifier.Report[] report = new LedgerVerifier.Report[1];
        double verify = Figures.medianOf(REPETITIONS, () -> {
            long start = System.nanoTime();
            report[0] = verifier.verify();
            return report[0].events() / ((System.nanoTime() - start) / 1e9);
        });
        if (!report[0].verified()) {
            throw new IllegalStateException("the bench store does not verify: " + report[0]);
        }
        long events = report[0].events();
        double read = Figures.medianOf(REPETITIONS, () -> {
            long start = System.nanoTime();
            long rows = 0;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement select = connection.prepareStatement("SELECT globalIndex, eventIdentifier, type, "
                        + "aggregateIdentifier, sequenceNumber, payloadType, payloadRevision, timeStamp, payload, metaData "
                        + "FROM domain_event_entry ORDER BY globalIndex")) {
                    select.setFetchSize(1000);
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            result.getBytes(9);
                            result.getBytes(10);
                            rows++;
                        }
                    }
                } finally {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        });
        double seconds300k = 300_000 / verify;
        figures.add("9. Ledger verification: `LedgerVerifier.verify()` over the bench store (embedded H2)",
                "%s events (%,d events in %.1f s; verified)".formatted(Figures.rate(verify), events, events / verify),
                "plain read of every event row in global order: " + Figures.rate(read),
                "%.0f%% of the plain read".formatted(100 * verify / read),
                "300,000 events in seconds, not minutes (< 60 s)", seconds300k < 60,
                "%.0f s for 300,000 at this rate; %d streams, %d checkpoints".formatted(seconds300k, report[0].streams(),
                        report[0].checkpoints()));
    }

    record Latency(double p50, double p99) {
    }

    private Latency latency(Runnable call) {
        return latency(() -> {
            long start = System.nanoTime();
            call.run();
            return (System.nanoTime() - start) / 1e6;
        }, true);
    }

    /** {@code timedCall} runs one call and returns the milliseconds of the part to count. */
    private Latency latency(java.util.function.DoubleSupplier timedCall, boolean warmUp) {
        for (int i = 0; warmUp && i < 20; i++) {
            timedCall.getAsDouble();
        }
        double[] p50 = new double[REPETITIONS];
        double[] p99 = new double[REPETITIONS];
        for (int r = 0; r < REPETITIONS; r++) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < QUERY_CALLS; i++) {
                millis.add(timedCall.getAsDouble());
            }
            p50[r] = Figures.percentile(millis, 50);
            p99[r] = Figures.percentile(millis, 99);
        }
        return new Latency(Figures.median(p50), Figures.median(p99));
    }

    // ---- 4. board view over HTTP -------------------------------------------------------------------

    /**
     * A users-file reader whose hash has cost 12, as a real users file would have (about 250 ms a
     * check here): HTTP Basic pays it on every request unless verified credentials are remembered.
     */
    static final String READER = "bench-reader";
    static final String READER_PASSWORD = "bench-reader-password";

    private static Path usersFile(Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-users");
        String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(12).encode(READER_PASSWORD);
        Files.writeString(file, READER + ":" + hash + ":BOARD\n");
        return file;
    }

    /** One board row: which plan, what it is, and its p99 target at 16 readers. */
    record BoardCase(String planId, String description, double p99Target) {
    }

    /**
     * The board JSON of three plans (Kettering's 30 actions, the generated 3,074-event plan's 60, and an
     * imported 360-action plan) with 16 readers over HTTP Basic, each against the trivial
     * {@code /actuator/info} with the same credentials and the plain read of the stored board document
     * in the same run; a revalidation (304); and the board page with a session cookie, 1 and 16 readers.
     */
    private void boardOverHttp(ConfigurableApplicationContext app) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String basic = "Basic " + Base64.getEncoder().encodeToString((READER + ":" + READER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        MongoCollection<Document> boards = app.getBean("planLedgerMongoDatabase", MongoDatabase.class).getCollection("board");
        String large = "board360";
        if (boards.find(Filters.eq("_id", large)).first() == null) {
            app.getBean(PlanImporter.class).importDocument(largePlan(large), ImportPlanner.LeadUserIds.FROM_FILE, "bench", "bench",
                    line -> { });
            ReadModels.awaitCaughtUp(app, Duration.ofMinutes(5));
        }
        List<BoardCase> cases = List.of(new BoardCase(KETTERING, "Kettering (30 actions)", 20),
                new BoardCase(BenchPlans.planId(0), "generated plan (60 actions, 3,074 events)", 20),
                new BoardCase(large, "imported plan (360 actions, 1,885 commands)", 60));
        String jsonRow = "4. Board JSON over HTTP, 16 readers, Basic (users-file user, bcrypt cost 12)";
        String baseline = "`/actuator/info`, same auth: p99 %s; stored-document read: p99 %s";
        Latency info = httpLatency(port, "/actuator/info", 16, 200, "Authorization", basic);
        Map<String, Latency> documents = new LinkedHashMap<>();
        for (BoardCase board : cases) {
            Latency document = concurrentLatency(16, () -> {
                if (boards.find(Filters.eq("_id", board.planId())).first() == null) {
                    throw new IllegalStateException("no board document for " + board.planId());
                }
            });
            documents.put(board.planId(), document);
            Latency json = httpLatency(port, "/api/plans/" + board.planId() + "/board", 16, 200, "Authorization", basic);
            figures.add(jsonRow, "p50 " + Figures.ms(json.p50()) + ", p99 " + Figures.ms(json.p99()),
                    baseline.formatted(Figures.ms(info.p99()), Figures.ms(document.p99())),
                    ratio(json.p99(), info.p99()) + " of info, " + ratio(json.p99(), document.p99()) + " of the document read",
                    "p99 ≤ %.0f ms".formatted(board.p99Target()), json.p99() <= board.p99Target(), board.description());
        }
        String kettering = "/api/plans/" + KETTERING + "/board";
        String tag = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + kettering))
                .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElse(null);
        if (tag != null) {
            Latency revalidated = httpLatency(port, kettering, 16, 304, "Authorization", basic, "If-None-Match", tag);
            figures.add(jsonRow, "p50 " + Figures.ms(revalidated.p50()) + ", p99 " + Figures.ms(revalidated.p99()),
                    baseline.formatted(Figures.ms(info.p99()), Figures.ms(documents.get(KETTERING).p99())),
                    ratio(revalidated.p99(), info.p99()) + " of info", "p99 ≤ 20 ms", revalidated.p99() <= 20,
                    "Kettering, `If-None-Match` with the current tag: 304");
        }

        // a browser: signed in once with the form, then the session cookie; 1 reader (p50 target), 16 (p99)
        String cookie = formLogin(port);
        for (int readers : new int[]{1, 16}) {
            boolean one = readers == 1;
            Latency infoPage = httpLatency(port, "/actuator/info", readers, 200, "Cookie", cookie);
            Latency page = httpLatency(port, "/plans/" + KETTERING, readers, 200, "Cookie", cookie);
            double figure = one ? page.p50() : page.p99();
            double base = one ? infoPage.p50() : infoPage.p99();
            String percentile = one ? "p50" : "p99";
            double target = one ? 15 : 80;
            figures.add("4. Board page (HTML) over HTTP, session cookie, " + readers + (one ? " reader" : " readers"),
                    "p50 " + Figures.ms(page.p50()) + ", p99 " + Figures.ms(page.p99()),
                    "`/actuator/info`, same cookie, %d %s: %s %s".formatted(readers, one ? "reader" : "readers", percentile,
                            Figures.ms(base)),
                    ratio(figure, base) + " (" + percentile + ")", "%s ≤ %.0f ms".formatted(percentile, target),
                    figure <= target, "Kettering");
        }
    }

    private static String ratio(double figure, double baseline) {
        return baseline <= 0 ? "—" : String.format(java.util.Locale.ROOT, "%.1f×", figure / baseline);
    }

    /** Signs in as the users-file reader through the login form, as a browser does; the session cookie. */
    private static String formLogin(int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String session = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + READER + "&password=" + READER_PASSWORD + "&_csrf="
                + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("form login answered " + signedIn.statusCode() + " " + signedIn.headers().map());
        }
        return signedIn.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(session);
    }

    interface Call {
        void run() throws Exception;
    }

    /**
     * {@code readers} threads each making BOARD_REQUESTS calls at once, after a warm-up repetition;
     * the median over REPETITIONS of each repetition's p50 and p99.
     */
    private Latency concurrentLatency(int readers, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            double[] p50 = new double[REPETITIONS];
            double[] p99 = new double[REPETITIONS];
            for (int r = -1; r < REPETITIONS; r++) {
                List<Double> millis = Collections.synchronizedList(new ArrayList<>());
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < readers; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < BOARD_REQUESTS; i++) {
                            long start = System.nanoTime();
                            call.run();
                            millis.add((System.nanoTime() - start) / 1e6);
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
                if (r >= 0) {
                    p50[r] = Figures.percentile(millis, 50);
                    p99[r] = Figures.percentile(millis, 99);
                }
            }
            return new Latency(Figures.median(p50), Figures.median(p99));
        } finally {
            pool.shutdown();
        }
    }

    /** GET {@code path} by {@code readers} clients at once (one HTTP/1.1 client per thread); every answer must be {@code status}. */
    private Latency httpLatency(int port, String path, int readers, int status, String... headers) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .headers(headers).GET().build();
        ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(
                () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        return concurrentLatency(readers, () -> {
            HttpResponse<byte[]> response = clients.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != status) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        });
    }

    // ---- 1. command throughput ---------------------------------------------------------------------

    private void throughput(ConfigurableApplicationContext app, String store, String tag, boolean threeTimesTarget) {
        CommandSender sender = app.getBean(CommandSender.class);
        DataSource dataSource = app.getBean(DataSource.class);
        Serializer serializer = app.getBean(Serializer.class);
        int[] round = {0};
        double one = Figures.medianOf(REPETITIONS, () -> commandRate(sender, tag + "-one-" + round[0]++, 1));
        double eight = Figures.medianOf(REPETITIONS, () -> commandRate(sender, tag + "-eight-" + round[0]++, 8));
        try (StackSampler profile = new StackSampler("RecordProgress, 1 client, " + store)) {
            commandRate(sender, tag + "-profiled", 1);
        }
        String baselinePlan = tag + "-raw";
        BenchPlans.structure(sender, baselinePlan, 1);
        double raw = Figures.medianOf(REPETITIONS, () -> rawInserts(dataSource, serializer, baselinePlan, COMMANDS));
        figures.add("1. RecordProgress via command gateway, 1 client, " + store, Figures.rate(one),
                "raw JDBC insert+commit into domain_event_entry, 1 client: " + Figures.rate(raw),
                "%.0f%%".formatted(100 * one / raw), threeTimesTarget ? ">= 30% of raw" : ">= 50% of raw (issue 18)",
                one >= (threeTimesTarget ? 0.3 : 0.5) * raw, null);
        figures.add("1. RecordProgress via command gateway, 8 clients, " + store, Figures.rate(eight),
                "1 client: " + Figures.rate(one), "%.1f×".formatted(eight / one),
                threeTimesTarget ? ">= 3× 1 client" : "— (3× target is for PostgreSQL)",
                threeTimesTarget ? eight >= 3 * one : null, null);
    }

    /** A fresh plan of 60 actions; the clients share them out and record notes as fast as acknowledged. */
    private double commandRate(CommandSender sender, String planId, int clients) {
        BenchPlans.structure(sender, planId, BenchPlans.ACTIONS);
        int perClient = Math.max(1, clients == 1 ? COMMANDS : 2 * COMMANDS / clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perClient; i++) {
                        int action = (client + i * clients) % BenchPlans.ACTIONS;
                        sender.sendAndWait(progress(BenchPlans.actionId(planId, action), "tp-" + noteCounter.incrementAndGet()),
                                BenchPlans.ORIGIN);
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            return clients * perClient / ((System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private static RecordProgress progress(String actionId, String noteId) {
        return new RecordProgress(actionId, noteId, "2014-06",
                "Bid submitted to the Police and Crime Commissioner; 12 households visited, 7 target-hardened.", null);
    }

    /** What an append of one RecordProgress event costs without the command machinery, on the same table and settings. */
    private double rawInserts(DataSource dataSource, Serializer serializer, String planId, int rows) {
        String actionId = BenchPlans.actionId(planId, 0);
        byte[] metaData = serializer.serialize(MetaData.with("actor", "bench").and("source", "api"), byte[].class).getData();
        try (Connection connection = dataSource.getConnection()) {
            long sequence;
            try (PreparedStatement max = connection.prepareStatement(
                    "select max(sequenceNumber) from domain_event_entry where aggregateIdentifier = ?")) {
                max.setString(1, actionId);
                try (ResultSet result = max.executeQuery()) {
                    result.next();
                    sequence = result.getLong(1);
                }
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                            + "payload, payloadRevision, payloadType, timeStamp) values (?, ?, 'Action', ?, ?, ?, '1', ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    String noteId = "raw-" + noteCounter.incrementAndGet();
                    ProgressRecorded event = new ProgressRecorded(planId, actionId, noteId, "2014-06",
                            progress(actionId, noteId).text(), LocalDate.parse("2014-06-01"));
                    insert.setString(1, actionId);
                    insert.setLong(2, ++sequence);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, metaData);
                    insert.setBytes(5, serializer.serialize(event, byte[].class).getData());
                    insert.setString(6, ProgressRecorded.class.getName());
                    insert.setString(7, Instant.now().toString());
                    insert.executeUpdate();
                    connection.commit();
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- 7. long history: does a command's cost grow with its aggregate's history? ------------------

    /**
     * One plan, then LONG_HISTORY indicator readings on it, one by one, each a command on the plan's
     * own stream: the time of the commands around the 20th against those around the LONG_HISTORY-th
     * (the median of 21 commands centred on each), per repetition on a fresh plan. Without an
     * aggregate cache or snapshots every command re-reads the whole stream, so the second grows with n.
     */
    private void longHistory(ConfigurableApplicationContext app) {
        CommandSender sender = app.getBean(CommandSender.class);
        int[] round = {0};
        double[] early = new double[LONG_HISTORY_REPETITIONS];
        double[] late = new double[LONG_HISTORY_REPETITIONS];
        for (int r = -1; r < LONG_HISTORY_REPETITIONS; r++) {
            String planId = "lh-" + round[0]++;
            int warmUp = r < 0 ? 60 : LONG_HISTORY + 10;
            BenchPlans.send(sender, new DraftPlan(planId, "Generated Community Safety Partnership", "Long history " + planId,
                    BenchPlans.START, LocalDate.parse("2016-03-31"), Cadence.BI_MONTHLY, BenchPlans.START));
            BenchPlans.send(sender, new AddPriority(planId, planId + "-p", "Priority", List.of("Lead"), BenchPlans.START, null));
            BenchPlans.send(sender, new AddObjective(planId, planId + "-o", planId + "-p", "Objective", List.of("Fewer victims"),
                    BenchPlans.START, null));
            BenchPlans.send(sender, new DefineIndicator(planId, planId + "-i", planId + "-o", "Repeat victims", IndicatorUnit.COUNT,
                    Direction.REDUCE, null, new Target(TargetKind.ABSOLUTE, BigDecimal.TEN, null), null, null, null,
                    BenchPlans.START, null));
            List<Double> around20 = new ArrayList<>();
            List<Double> aroundN = new ArrayList<>();
            // the 4 commands above are commands 1-4 on the plan; readings are commands 5, 6, ...
            for (int command = 5; command <= warmUp; command++) {
                long start = System.nanoTime();
                BenchPlans.send(sender, new RecordIndicatorReading(planId, planId + "-i", BigDecimal.valueOf(command),
                        "reading " + command, "bench", BenchPlans.START.plusDays(command % 1000), null));
                double millis = (System.nanoTime() - start) / 1e6;
                if (Math.abs(command - 20) <= 10) {
                    around20.add(millis);
                }
                if (Math.abs(command - LONG_HISTORY) <= 10) {
                    aroundN.add(millis);
                }
            }
            if (r >= 0) {
                early[r] = Figures.percentile(around20, 50);
                late[r] = Figures.percentile(aroundN, 50);
                System.out.printf("BENCH   long history %s: command 20: %.2f ms, command %,d: %.2f ms%n", planId, early[r],
                        LONG_HISTORY, late[r]);
            }
        }
        double first = Figures.median(early);
        double last = Figures.median(late);
        double ratio = last / first;
        figures.add("7. Long-history write: the %,dth command on one plan vs the 20th (embedded)".formatted(LONG_HISTORY),
                "%.2f ms per command".formatted(last), "20th command: %.2f ms".formatted(first), "%.2f×".formatted(ratio),
                "<= 1.5×", ratio <= 1.5, "RecordIndicatorReading on the plan's stream, 1 client; median of the 21 commands "
                        + "around each; " + LONG_HISTORY_REPETITIONS + " fresh plans");
    }

    // ---- 8. import of a large plan file ----------------------------------------------------------------

    /**
     * A plan document of 360 actions, 4 notes each, under 6 priorities × 4 objectives × 2 indicators
     * and 6 board meetings: 1,885 commands through {@link PlanImporter}, as the command line and
     * {@code POST /api/imports} send them. Baseline: the same number of single-row inserts, each
     * committed, into the event table of the same store.
     */
    private void importLargePlan(ConfigurableApplicationContext app) {
        PlanImporter importer = app.getBean(PlanImporter.class);
        DataSource dataSource = app.getBean(DataSource.class);
        Serializer serializer = app.getBean(Serializer.class);
        int[] round = {0};
        int[] commands = {0};
        double seconds = Figures.medianOf(IMPORT_REPETITIONS, () -> {
            PlanDocument document = largePlan("imp" + round[0]++);
            long start = System.nanoTime();
            ImportReport report = importer.importDocument(document, ImportPlanner.LeadUserIds.FROM_FILE, "bench", "bench",
                    line -> { });
            commands[0] = report.commands();
            return (System.nanoTime() - start) / 1e9;
        });
        String baselinePlan = "import-raw";
        BenchPlans.structure(app.getBean(CommandSender.class), baselinePlan, 1);
        double raw = Figures.medianOf(IMPORT_REPETITIONS, () -> rawInserts(dataSource, serializer, baselinePlan, commands[0]));
        double rate = commands[0] / seconds;
        figures.add("8. Import a %,d-command plan file (360 actions), embedded".formatted(commands[0]),
                "%.1f s (%s commands)".formatted(seconds, Figures.rate(rate)),
                "%,d raw JDBC single-row inserts + commits: %.1f s (%s)".formatted(commands[0], commands[0] / raw, Figures.rate(raw)),
                "%.0f%% of raw".formatted(100 * rate / raw), "<= 5 s", seconds <= 5,
                "PlanImporter.importDocument; " + IMPORT_REPETITIONS + " repetitions, each a new plan");
    }

    /** 1 + 6 priorities + 24 objectives + 48 indicators + 6 meetings + 360 × (1 action + 4 notes) = 1,885 commands. */
    static PlanDocument largePlan(String planId) {
        List<PlanDocument.Priority> priorities = new ArrayList<>();
        int action = 0;
        for (int p = 0; p < 6; p++) {
            List<PlanDocument.Objective> objectives = new ArrayList<>();
            for (int o = 0; o < 4; o++) {
                String objectiveId = planId + "-o" + p + o;
                List<PlanDocument.Indicator> indicators = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    indicators.add(new PlanDocument.Indicator(objectiveId + "-i" + i, "Indicator " + i, IndicatorUnit.COUNT,
                            Direction.REDUCE, null, new PlanDocument.Target(PlanDocument.TargetKind.ABSOLUTE, BigDecimal.TEN, "10", null, null), null,
                            null, "Police", List.of(), List.of(), null, null));
                }
                List<PlanDocument.Action> actions = new ArrayList<>();
                for (int a = 0; a < 15; a++, action++) {
                    List<PlanDocument.Note> notes = new ArrayList<>();
                    for (int n = 0; n < 4; n++) {
                        notes.add(new PlanDocument.Note(YearMonth.of(2013, 4).plusMonths(3L * n).toString(),
                                "Progress note " + n + " for action " + action + ": partners met, 17 households visited.", false, null, null));
                    }
                    actions.add(new PlanDocument.Action(planId + "-a%03d".formatted(action), "Action " + action,
                            List.of("Locks fitted"), List.of(), List.of(),
                            List.of(new PlanDocument.Lead("Officer " + action, "Kettering Borough Council", null, null)),
                            List.of("Police"), BenchPlans.START, LocalDate.parse("2016-03-31"), List.of(), notes, List.of(),
                            List.of(), List.of(), List.of(), null, null, null));
                }
                objectives.add(new PlanDocument.Objective(objectiveId, "Objective " + p + o, List.of("Fewer victims"),
                        indicators, actions, null, null, List.of()));
            }
            priorities.add(new PlanDocument.Priority(planId + "-p" + p, "Priority " + p, List.of("Lead " + p), List.of(),
                    objectives, List.of(), List.of(), null, null, List.of()));
        }
        List<PlanDocument.BoardMeeting> meetings = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            meetings.add(new PlanDocument.BoardMeeting(planId + "-m" + m, BenchPlans.START.plusMonths(6L * m), "Board " + m));
        }
        return new PlanDocument(1, new PlanDocument.Plan(planId, "Generated Community Safety Partnership", "Large plan " + planId,
                BenchPlans.START, LocalDate.parse("2016-03-31"), Cadence.BI_MONTHLY, BenchPlans.START, List.of()),
                priorities, List.of(), meetings, List.of());
    }

    // ---- 5. projection lag -------------------------------------------------------------------------

    private String lag(ConfigurableApplicationContext app) throws Exception {
        CommandSender sender = app.getBean(CommandSender.class);
        String[] planId = new String[1];
        int[] round = {0};
        long[] notes = {0};
        double p99 = Figures.medianOf(REPETITIONS, () -> {
            planId[0] = "lag-plan-" + round[0]++;
            BenchPlans.structure(sender, planId[0], BenchPlans.ACTIONS);
            await(() -> ReadModels.awaitCaughtUp(app, Duration.ofMinutes(5)));
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    int client = c;
                    done.add(pool.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String noteId = LagProbe.PREFIX + noteCounter.incrementAndGet();
                            sender.sendAndWait(progress(BenchPlans.actionId(planId[0], (client + 8 * i) % BenchPlans.ACTIONS), noteId),
                                    BenchPlans.ORIGIN);
                            lagProbe.acknowledged(noteId, System.nanoTime());
                        }
                        return null;
                    }));
                }
                Thread.sleep(LAG_SECONDS * 1000L);
                stop.set(true);
                for (Future<?> future : done) {
                    future.get();
                }
                lagProbe.awaitAllShown(Duration.ofMinutes(5));
                ReadModels.awaitCaughtUp(app, Duration.ofMinutes(5));
                List<Double> lags = lagProbe.lagsAndReset();
                notes[0] = lags.size();
                System.out.printf("BENCH   lag: %d notes, p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", lags.size(),
                        Figures.percentile(lags, 50), Figures.percentile(lags, 99), Figures.percentile(lags, 100));
                return Figures.percentile(lags, 99);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
        });
        figures.add("5. Projection lag, 8 writers at full speed (embedded)", "p99 " + Figures.ms(p99), "—", "—",
                "p99 < 500 ms", p99 < 500, LAG_SECONDS + " s of writing per repetition (" + notes[0]
                        + " notes in the last); ack -> board batch committed");
        return planId[0];
    }

    // ---- 1 on PostgreSQL -----------------------------------------------------------------------------

    private void postgres(Path dataDir) throws Exception {
        String database = "planledger_bench_" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        try (ConfigurableApplicationContext app = start(dataDir, "--spring.profiles.active=postgres",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--planledger.demo.enabled=false")) {
            try (Connection connection = app.getBean(DataSource.class).getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet settings = statement.executeQuery(
                         "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'wal_sync_method')")) {
                StringBuilder text = new StringBuilder();
                while (settings.next()) {
                    text.append(settings.getString(1)).append('=').append(settings.getString(2)).append(' ');
                }
                System.out.println("BENCH PostgreSQL durability: " + text);
            }
            throughput(app, "PostgreSQL 15 (fsync on)", "pg", true);
        } finally {
            try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    // ---- 6. memory -----------------------------------------------------------------------------------

    /**
     * Fills the embedded store (service stopped) up to Kettering + MEMORY_PLANS generated plans by
     * copying rows, then starts the service in a child JVM with -Xmx256m on it: the read models
     * built so far are there, the rest is projected by catch-up. The child must serve the board
     * view and keep projecting without running out of heap for MEMORY_SECONDS (or until caught up).
     */
    private void memory(Path dataDir, long eventsBefore) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("event-store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
        long events;
        int firstCopy = PLANS;
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        h2.setPassword("");
        List<BenchPlans.Row> template = BenchPlans.rowsOf(h2, BenchPlans.planId(0));
        long copyStart = System.nanoTime();
        long copied = BenchPlans.copies(h2, template, BenchPlans.planId(0),
                IntStream.range(firstCopy, MEMORY_PLANS).mapToObj(BenchPlans::planId).toList());
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;
        events = count(h2, null);
        System.out.printf("BENCH memory: copied %,d rows (chained) in %.1f s, %,.0f rows/s; store holds %,d events%n", copied,
                copySeconds, copied / copySeconds, events);
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        }
        String lastPlan = BenchPlans.planId(MEMORY_PLANS - 1);
        String run = childRun(dataDir, lastPlan, template.size(), "xmx256m");
        boolean met = run.startsWith("yes");
        figures.add("6. Memory: embedded service, Kettering + " + MEMORY_PLANS + " plans, in -Xmx256m", met ? "runs" : "fails",
                "—", "—", "serves the board in -Xmx256m", met,
                events + " events (" + (events - eventsBefore) + " not yet projected at start): " + run);
    }

    /**
     * Starts the service in a child JVM with -Xmx256m; waits for the Kettering board, then lets it
     * project for up to MEMORY_SECONDS (or until the last plan's journal is complete), sampling the heap.
     */
    private String childRun(Path dataDir, String lastPlan, long lastPlanEvents, String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dataDir.resolveSibling("child-" + name + ".log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + dataDir.resolveSibling("child-" + name + ".hprof"),
                "-XX:+ExitOnOutOfMemoryError", "-cp", classpath, PlanLedgerApplication.class.getName(),
                "--planledger.data-dir=" + dataDir, "--server.port=" + port, "--server.address=127.0.0.1",
                "--logging.level.root=WARN"));
        if (!MEMORY_APP_ARGS.isEmpty()) {
            command.addAll(List.of(MEMORY_APP_ARGS.split("\\s+")));
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long start = System.nanoTime();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            String auth = "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            double boardAfter = -1;
            while (Instant.now().isBefore(deadline) && child.isAlive() && boardAfter < 0) {
                try {
                    if (get(http, base + "/api/plans/" + KETTERING + "/board", auth) != null) {
                        boardAfter = (System.nanoTime() - start) / 1e9;
                    }
                } catch (IOException notYetListening) {
                    // starting
                }
                Thread.sleep(500);
            }
            if (boardAfter < 0) {
                return "NO: no board within 10 minutes" + (child.isAlive() ? "" : ", the child exited with " + child.exitValue())
                        + " (see " + log + ")";
            }
            double peakHeap = 0;
            long journalled = 0;
            Instant catchUpEnd = Instant.now().plusSeconds(MEMORY_SECONDS);
            while (child.isAlive() && Instant.now().isBefore(catchUpEnd)) {
                JsonNode used = get(http, base + "/actuator/metrics/jvm.memory.used?tag=area:heap", auth);
                peakHeap = Math.max(peakHeap, used.path("measurements").path(0).path("value").asDouble() / 1e6);
                JsonNode audit = get(http, base + "/api/audit?planId=" + lastPlan + "&size=1", auth);
                journalled = audit == null ? 0 : audit.path("total").asLong();
                if (journalled >= lastPlanEvents) {
                    break;
                }
                Thread.sleep(5000);
            }
            if (!child.isAlive()) {
                return "NO, the child exited with " + child.exitValue() + " while projecting (see " + log + ")";
            }
            printHistogram(child, "after catch-up");
            double seconds = (System.nanoTime() - start) / 1e9;
            // then fill every cache a reader can fill: each plan's live board (LiveBoards keeps 64 decoded
            // views, held softly), and "as at" and diff on every tenth plan (decoded journals, kept states
            // and diffs, bounded by events); the heap is sampled after every tenth request
            double peakWhileProjecting = peakHeap;
            int boards = 0;
            int requests = 0;
            try {
                for (int plan = 0; plan < MEMORY_PLANS && child.isAlive(); plan++) {
                    String planBase = base + "/api/plans/" + BenchPlans.planId(plan);
                    boards += get(http, planBase + "/board", auth) != null ? 1 : 0;
                    requests++;
                    if (plan % 10 == 0) {
                        get(http, planBase + "/board?asAt=2014-06-30", auth);
                        get(http, planBase + "/diff?from=2013-04-01&to=2015-03-31", auth);
                        requests += 2;
                    }
                    if (plan % 10 == 9) {
                        JsonNode used = get(http, base + "/actuator/metrics/jvm.memory.used?tag=area:heap", auth);
                        peakHeap = Math.max(peakHeap, used.path("measurements").path(0).path("value").asDouble() / 1e6);
                    }
                }
            } catch (IOException childGone) {
                child.waitFor(30, TimeUnit.SECONDS);
            }
            if (!child.isAlive()) {
                return "NO, the child exited with " + child.exitValue() + " while serving every plan's board (see " + log + ")";
            }
            printHistogram(child, "after every plan's board, as at and diff");
            boolean served = get(http, base + "/api/plans/" + KETTERING + "/board", auth) != null;
            return ("%s, board served %.0f s after start; %s after %.0f s, peak heap used sampled %.0f MB of 256 MB; then %d "
                    + "requests (%d plans' boards served, as at and diff on every tenth plan): peak heap used sampled %.0f MB")
                    .formatted(served ? "yes" : "NO", boardAfter,
                            journalled >= lastPlanEvents ? "every read model caught up" : "still projecting (scaled: " + MEMORY_SECONDS
                                    + " s watched; last plan's journal " + journalled + "/" + lastPlanEvents + ")",
                            seconds, peakWhileProjecting, requests, boards, peakHeap);
        } finally {
            child.destroy();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
            if (Files.readString(log).contains("OutOfMemoryError")) {
                System.out.println("BENCH child " + name + " ran out of memory, see " + log);
            }
        }
    }

    /** The child's largest heap holders (jcmd GC.class_histogram, top 12 rows), so a memory row shows what fills the heap. */
    private static void printHistogram(Process child, String when) {
        try {
            Process jcmd = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(child.pid()), "GC.class_histogram").redirectErrorStream(true).start();
            List<String> lines = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            jcmd.waitFor(60, TimeUnit.SECONDS);
            System.out.println("BENCH child heap histogram " + when + ":");
            lines.stream().limit(15).forEach(line -> System.out.println("BENCH   " + line));
            lines.stream().filter(line -> line.startsWith("Total")).forEach(line -> System.out.println("BENCH   " + line));
        } catch (IOException | InterruptedException e) {
            System.out.println("BENCH child heap histogram " + when + " not taken: " + e);
        }
    }

    private static JsonNode get(HttpClient http, String url, String auth) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    interface Interruptible {
        void run() throws InterruptedException;
    }

    private static void await(Interruptible wait) {
        try {
            wait.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static {
        Locale.setDefault(Locale.UK);
    }
}
