package org.planledger.infra.web;

import org.planledger.infra.SlowLane;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.web.ApiClient.Response;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 (issue 7): the service runs in a child JVM on a data directory and is killed with
 * SIGKILL twice — once while clients write, once while every projection is rebuilding from
 * scratch and clients still write. After a restart every acknowledged command is in the event
 * store exactly once, and the read models the crashed runs left behind converge to exactly what a
 * fresh replay of the event store builds.
 */
@SlowLane
class CrashRecoveryTest {

    static final int WRITERS = 4;

    @TempDir
    Path dataDir;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> actions = new ArrayList<>();
    private final String planId = "crash-plan";

    @Test
    void acknowledgedCommandsSurviveKillAndProjectionsConverge() throws Exception {
        Child first = Child.start(dataDir);
        ApiClient api = first.api();
        expect(api.post("/api/plans").json(Map.of("id", planId, "partnership", "P", "title", "Crash plan",
                "periodStart", "2013-04-01", "periodEnd", "2016-03-31", "cadence", "BI_MONTHLY")), 201);
        expect(api.post("/api/plans/" + planId + "/priorities").json(Map.of("id", "asb", "title", "ASB")), 201);
        expect(api.post("/api/plans/" + planId + "/objectives").json(Map.of("id", "asb-1", "priorityId", "asb", "title", "O")), 201);
        for (int a = 0; a < 8; a++) {
            String actionId = "crash-action-" + a;
            actions.add(actionId);
            expect(api.post("/api/plans/" + planId + "/actions").json(Map.of("id", actionId, "objectiveId", "asb-1",
                    "title", "Action " + a, "leads", List.of(Map.of("name", "L", "userId", a % 2 == 0 ? "lead1" : "lead2")),
                    "startDate", "2013-04-01", "endDate", "2016-03-31")), 201);
        }

        // 1. kill -9 while clients write
        writeThenKill(first, Duration.ofSeconds(4));

        // 2. kill -9 while every projection rebuilds from scratch (read models deleted) and clients write
        Files.deleteIfExists(dataDir.resolve("read-models.mv.db"));
        Child second = Child.start(dataDir);
        writeThenKill(second, Duration.ofSeconds(3));

        // 3. restart on what the crashes left, stop cleanly; every acknowledged note is stored exactly once
        Child third = Child.start(dataDir);
        third.stop();
        Map<String, Integer> stored = storedNotes();
        long storedEvents = storedEvents();
        assertThat(acknowledged).as("acknowledged writes").isNotEmpty();
        assertThat(stored.keySet()).as("acknowledged notes in the event store").containsAll(acknowledged);
        assertThat(stored.values()).as("each note stored once").allMatch(count -> count == 1);
        System.out.printf("CRASH 2 kills; %d notes acknowledged, %d stored (%d were in flight at a kill), %d events%n",
                acknowledged.size(), stored.size(), stored.size() - acknowledged.size(), storedEvents);

        // 4. the read models left by the crashed runs catch up ...
        Child resumed = Child.start(dataDir);
        Map<String, String> afterCrashes = converged(resumed, storedEvents, stored.size());
        resumed.stop();
        // 5. ... to exactly what a replay from scratch builds
        Files.delete(dataDir.resolve("read-models.mv.db"));
        Child fresh = Child.start(dataDir);
        Map<String, String> replayed = converged(fresh, storedEvents, stored.size());
        fresh.stop();
        assertThat(afterCrashes).isEqualTo(replayed);
    }

    private void writeThenKill(Child child, Duration writing) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            writers.submit(() -> {
                ApiClient http = child.api();
                while (!stop.get()) {
                    String actionId = actions.get(counter.get() % actions.size());
                    String noteId = "note-" + counter.incrementAndGet();
                    try {
                        Response response = http.post("/api/actions/" + actionId + "/progress")
                                .json(Map.of("id", noteId, "period", "2014-06", "text", "Note " + noteId)).send();
                        if (response.status() == 201) {
                            acknowledged.add(noteId);
                        } else {
                            throw new AssertionError("unexpected " + response);
                        }
                    } catch (AssertionError connectionLost) {
                        if (!killed.get()) {
                            failures.add(connectionLost.getMessage());
                        }
                        return; // killed under us: this write is in flight, neither acknowledged nor refused
                    }
                }
            });
        }
        Thread.sleep(writing.toMillis());
        killed.set(true);
        child.process.destroyForcibly(); // SIGKILL
        child.process.waitFor(30, TimeUnit.SECONDS);
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).as("writers stopped").isTrue();
        assertThat(failures).as("answers other than 201 while the service was up").isEmpty();
    }

    /** Polls until the journal holds every event and every action's history every note, and two reads agree. */
    private Map<String, String> converged(Child child, long events, int notes) throws Exception {
        ApiClient api = child.api();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        Map<String, String> previous = null;
        String lastSeen = "nothing read";
        while (Instant.now().isBefore(deadline)) {
            Response audit = api.get("/api/audit?planId=" + planId + "&size=1").as("auditor").send();
            int notesSeen = 0;
            Map<String, String> snapshot = new LinkedHashMap<>();
            for (String actionId : actions) {
                Response history = api.get("/api/actions/" + actionId).send();
                notesSeen += history.status() == 200 ? history.json().path("notes").size() : 0;
                snapshot.put(actionId, history.text());
            }
            snapshot.put("board", api.get("/api/plans/" + planId + "/board").send().text());
            snapshot.put("my-actions lead1", api.get("/api/my-actions").as("lead1").send().text());
            snapshot.put("my-actions lead2", api.get("/api/my-actions").as("lead2").send().text());
            snapshot.put("audit", api.get("/api/audit?planId=" + planId + "&size=200").as("auditor").send().text());
            boolean complete = audit.status() == 200 && audit.json().path("total").asLong() == events && notesSeen == notes;
            lastSeen = "journal total " + (audit.status() == 200 ? audit.json().path("total").asLong() : audit.status())
                    + " of " + events + " events, " + notesSeen + " of " + notes + " notes in the action histories";
            if (complete && snapshot.equals(previous)) {
                return snapshot;
            }
            previous = complete ? snapshot : null;
            Thread.sleep(1000);
        }
        throw new AssertionError("read models did not converge within 3 minutes; last seen: " + lastSeen);
    }

    private Map<String, Integer> storedNotes() throws Exception {
        Map<String, Integer> notes = new HashMap<>();
        try (Connection connection = h2(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select payload from domain_event_entry where payloadType like '%.ProgressRecorded'")) {
            while (rows.next()) {
                JsonNode payload = ApiClient.JSON.readTree(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                notes.merge(payload.path("noteId").asText(), 1, Integer::sum);
            }
        }
        return notes;
    }

    private long storedEvents() throws Exception {
        try (Connection connection = h2(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection h2() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("event-store")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r", "sa", "");
    }

    private static Response expect(ApiClient.Call call, int status) {
        Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    /** The service as `java -cp <test class path> PlanLedgerApplication`, on loopback, on a free port. */
    record Child(Process process, int port, Path log) {

        static Child start(Path dataDir) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile(dataDir.getParent(), "crash-child", ".log");
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-cp", classpath, PlanLedgerApplication.class.getName(),
                    "--planledger.data-dir=" + dataDir, "--server.port=" + port, "--server.address=127.0.0.1",
                    "--logging.level.root=WARN")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Child child = new Child(process, port, log);
            child.awaitUp();
            return child;
        }

        ApiClient api() {
            return new ApiClient(port);
        }

        private void awaitUp() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + Files.readString(log));
                }
                try {
                    var response = http.send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(300);
            }
            process.destroyForcibly();
            throw new AssertionError("the service did not come up within 3 minutes:\n" + Files.readString(log));
        }

        /** SIGTERM: Spring's graceful shutdown, then H2 closes its file. */
        void stop() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the service did not stop within 60 s");
            }
        }
    }
}
