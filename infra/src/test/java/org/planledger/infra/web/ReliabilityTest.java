package org.planledger.infra.web;

import org.planledger.infra.SlowLane;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.events.FinancialYear;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.planledger.infra.StoredEvents;
import org.planledger.infra.web.ApiClient.Call;
import org.planledger.infra.web.ApiClient.Response;
import org.planledger.command.ActionLeadership;
import org.planledger.infra.security.PartnershipBoundary;
import org.planledger.infra.security.PartnershipScope;
import org.planledger.infra.security.RoleDeclarations;
import org.planledger.infra.security.Roles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability under load, races and every role (issue 7): the application on the embedded profile
 * in a temporary data directory, on a random loopback port, driven over real HTTP.
 */
@SpringBootTest(classes = PlanLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SlowLane
class ReliabilityTest {

    /** The issue asks for 60 s; CI runs 30 s by default to keep `mvn -B verify` short. -Dplanledger.load.seconds=60 for the full run. */
    static final int LOAD_SECONDS = Integer.getInteger("planledger.load.seconds", 30);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        registry.add("planledger.data-dir", () -> dataDir.toString());
        registry.add("planledger.security.users-file", () -> RoleMatrix.usersFile(dataDir).toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext application;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    long storedEvents() {
        return StoredEvents.count(jdbc);
    }

    Response expect(Call call, int status) {
        Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    record Fixture(String planId, String objectiveId, List<String> lead1Actions, List<String> lead2Actions) {
        String lead1Action() {
            return lead1Actions.get(0);
        }
    }

    /** A plan running over today (so tallies count on today's board), one objective, actions led by lead1 and lead2. */
    Fixture fixture(int actionsPerLead) {
        String planId = unique("plan");
        expect(api.post("/api/plans").json(map("id", planId, "partnership", "Kettering Borough CSP", "title", "Plan",
                "periodStart", "2024-04-01", "periodEnd", "2028-03-31", "cadence", "QUARTERLY", "effectiveOn", "2024-04-01")), 201);
        expect(api.post("/api/plans/" + planId + "/priorities").json(map("id", "asb", "title", "ASB", "effectiveOn", "2024-04-01")), 201);
        expect(api.post("/api/plans/" + planId + "/objectives").json(map("id", "asb-1", "priorityId", "asb",
                "title", "Reduce ASB", "effectiveOn", "2024-04-01")), 201);
        List<String> lead1 = new ArrayList<>();
        List<String> lead2 = new ArrayList<>();
        for (int i = 0; i < actionsPerLead; i++) {
            lead1.add(action(planId, "lead1"));
            lead2.add(action(planId, "lead2"));
        }
        return new Fixture(planId, "asb-1", lead1, lead2);
    }

    String action(String planId, String lead) {
        String actionId = unique("act");
        List<Map<String, Object>> leads = new ArrayList<>();
        leads.add(map("name", "Lead", "organisation", "KBC", "userId", lead));
        if (lead.equals("lead1")) {
            // the role matrix's delivery leads of one partnership are named on lead1's actions too (RoleMatrix.LEADS)
            for (String partitioned : List.of("lead-own", "lead-other", "lead-none")) {
                leads.add(map("name", partitioned, "userId", partitioned));
            }
        }
        expect(api.post("/api/plans/" + planId + "/actions").json(map("id", actionId, "objectiveId", "asb-1",
                "title", "Target hardening", "leads", leads,
                "startDate", "2024-04-01", "endDate", "2028-03-31", "effectiveOn", "2024-04-01")), 201);
        return actionId;
    }

    record StoredEvent(String aggregateId, long sequence, String type, JsonNode payload) {
    }

    List<StoredEvent> eventsOf(Set<String> aggregateIds) {
        List<StoredEvent> events = new ArrayList<>();
        jdbc.query("select aggregateIdentifier, sequenceNumber, payloadType, payload from domain_event_entry order by globalIndex",
                row -> {
                    String aggregate = row.getString(1);
                    if (aggregateIds.contains(aggregate)) {
                        try {
                            events.add(new StoredEvent(aggregate, row.getLong(2), row.getString(3).replaceAll("^.*\\.", ""),
                                    ApiClient.JSON.readTree(new String(row.getBytes(4), StandardCharsets.UTF_8))));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
        return events;
    }

    // ---- load ---------------------------------------------------------------------------------------

    @Nested
    class Load {

        record Write(String kind, String actionId, String id, int count, long costPence, String rag) {
        }

        @Test
        void sixteenClientsMixingWritesAndReads() throws Exception {
            Fixture f = fixture(4);
            // reads of a just-created action may 404 until its history is projected; start from a settled state
            ReadModels.awaitCaughtUp(application, Duration.ofMinutes(1));
            List<String> actions = new ArrayList<>(f.lead1Actions());
            actions.addAll(f.lead2Actions());
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            FinancialYear year = FinancialYear.containing(today);
            String tallyDay = LocalDate.of(year.startYear(), 4, 1).toString();

            List<Write> acknowledged = Collections.synchronizedList(new ArrayList<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    ApiClient http = new ApiClient(port);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int n = 0; System.nanoTime() < deadline; n++) {
                        String actionId = actions.get(random.nextInt(actions.size()));
                        String lead = f.lead1Actions().contains(actionId) ? "lead1" : "lead2";
                        String user = random.nextBoolean() ? lead : "manager";
                        int dice = random.nextInt(100);
                        Write write = null;
                        Response response;
                        if (dice < 45) {
                            String noteId = "n-" + client + "-" + n;
                            write = new Write("ProgressRecorded", actionId, noteId, 0, 0, null);
                            response = http.post("/api/actions/" + actionId + "/progress").as(user)
                                    .json(map("id", noteId, "period", "2025-06", "text", "Load note " + noteId)).send();
                        } else if (dice < 55) {
                            String tallyId = "t-" + client + "-" + n;
                            int count = 1 + random.nextInt(5);
                            long cost = 100L * random.nextInt(1, 500);
                            write = new Write("ReferralsTallied", actionId, tallyId, count, cost, null);
                            response = http.post("/api/actions/" + actionId + "/referral-tallies").as(user)
                                    .json(map("id", tallyId, "from", tallyDay, "to", tallyDay, "count", count,
                                            "totalCostPence", cost)).send();
                        } else if (dice < 65) {
                            String rag = List.of("GREEN", "AMBER", "RED").get(random.nextInt(3));
                            write = new Write("RagAssessed", actionId, null, 0, 0, rag);
                            response = http.put("/api/actions/" + actionId + "/rag").as(user)
                                    .json(rag.equals("GREEN") ? map("status", rag) : map("status", rag, "reason", "load")).send();
                        } else if (dice < 80) {
                            response = http.get("/api/plans/" + f.planId() + "/board").as("board").send();
                        } else if (dice < 90) {
                            response = http.get("/api/actions/" + actionId).as("scrutiny").send();
                        } else if (dice < 95) {
                            response = http.get("/api/my-actions").as(lead).send();
                        } else {
                            response = http.get("/api/audit?planId=" + f.planId() + "&size=20").as("auditor").send();
                        }
                        statuses.computeIfAbsent((write == null ? "read " : "write ") + response.status(),
                                k -> new AtomicInteger()).incrementAndGet();
                        if (response.status() >= 500) {
                            failures.add(response.toString());
                        } else if (write != null && response.status() / 100 == 2) {
                            acknowledged.add(write);
                        } else if (response.status() / 100 != 2) {
                            StringBuilder again = new StringBuilder();
                            for (int retry = 0; retry < 3; retry++) {
                                Thread.sleep(50);
                                again.append(' ').append(http.get("/api/actions/" + actionId).as("scrutiny").send().status());
                            }
                            failures.add("unexpected at " + (System.nanoTime() - deadline + TimeUnit.SECONDS.toNanos(LOAD_SECONDS)) / 1_000_000
                                    + " ms (history again:" + again + ") " + response);
                        }
                    }
                    return null;
                }));
            }
            clients.shutdown();
            // No deadlock: every client finishes its last request soon after the deadline.
            assertThat(clients.awaitTermination(LOAD_SECONDS + 90L, TimeUnit.SECONDS)).as("clients finished").isTrue();
            for (Future<?> future : done) {
                future.get();
            }
            System.out.printf("LOAD %d s, 16 clients: %s; %d acknowledged writes%n", LOAD_SECONDS, new java.util.TreeMap<>(statuses),
                    acknowledged.size());
            assertThat(failures).as("5xx and unexpected answers").isEmpty();

            // Zero lost writes: each acknowledged write is exactly one event, and nothing else was stored.
            List<StoredEvent> events = eventsOf(Set.copyOf(actions)).stream().filter(e -> e.sequence() > 0).toList();
            assertThat(events).hasSize(acknowledged.size());
            Map<String, Long> storedNotes = new HashMap<>();
            events.stream().filter(e -> e.type().equals("ProgressRecorded"))
                    .forEach(e -> storedNotes.merge(e.payload().path("noteId").asText(), 1L, Long::sum));
            List<String> ackedNotes = acknowledged.stream().filter(w -> w.kind().equals("ProgressRecorded")).map(Write::id).toList();
            assertThat(storedNotes.keySet()).containsExactlyInAnyOrderElementsOf(ackedNotes);
            assertThat(storedNotes.values()).allMatch(count -> count == 1);
            assertThat(events.stream().filter(e -> e.type().equals("ReferralsTallied")).count())
                    .isEqualTo(acknowledged.stream().filter(w -> w.kind().equals("ReferralsTallied")).count());
            assertThat(events.stream().filter(e -> e.type().equals("RagAssessed")).count())
                    .isEqualTo(acknowledged.stream().filter(w -> w.kind().equals("RagAssessed")).count());

            // The board view's counts equal the events.
            ReadModels.awaitCaughtUp(application, Duration.ofMinutes(3));
            JsonNode board = expect(api.get("/api/plans/" + f.planId() + "/board").as("board"), 200).json();
            Map<String, JsonNode> boardActions = new HashMap<>();
            board.path("priorities").forEach(p -> p.path("objectives").forEach(o -> o.path("actions")
                    .forEach(a -> boardActions.put(a.path("actionId").asText(), a))));
            assertThat(boardActions.keySet()).containsExactlyInAnyOrderElementsOf(actions);
            Map<String, Integer> ragCounts = new HashMap<>();
            for (String actionId : actions) {
                List<StoredEvent> own = events.stream().filter(e -> e.aggregateId().equals(actionId)).toList();
                JsonNode onBoard = boardActions.get(actionId);
                int tallied = own.stream().filter(e -> e.type().equals("ReferralsTallied")).mapToInt(e -> e.payload().path("count").asInt()).sum();
                long cost = own.stream().filter(e -> e.type().equals("ReferralsTallied")).mapToLong(e -> e.payload().path("totalCostPence").asLong()).sum();
                assertThat(onBoard.path("referrals").path("count").asInt()).as("referrals of " + actionId).isEqualTo(tallied);
                assertThat(onBoard.path("referrals").path("costPence").asLong()).as("referral cost of " + actionId).isEqualTo(cost);
                String lastRag = own.stream().filter(e -> e.type().equals("RagAssessed")).reduce((a, b) -> b)
                        .map(e -> e.payload().path("rag").asText()).orElse(null);
                assertThat(onBoard.path("rag").isNull() ? null : onBoard.path("rag").asText()).as("RAG of " + actionId).isEqualTo(lastRag);
                ragCounts.merge(lastRag == null ? "unrated" : lastRag.toLowerCase(), 1, Integer::sum);
                String lastNote = own.stream().filter(e -> e.type().equals("ProgressRecorded")).reduce((a, b) -> b)
                        .map(e -> e.payload().path("noteId").asText()).orElse(null);
                assertThat(onBoard.path("latestNote").path("noteId").asText(null)).as("latest note of " + actionId).isEqualTo(lastNote);
                JsonNode history = expect(api.get("/api/actions/" + actionId), 200).json();
                assertThat(history.path("notes").size()).as("notes of " + actionId)
                        .isEqualTo((int) own.stream().filter(e -> e.type().equals("ProgressRecorded")).count());
            }
            // The journal (audit trail, replay) has every event of the plan exactly once, late commits included.
            Set<String> planAggregates = new java.util.HashSet<>(actions);
            planAggregates.add(f.planId());
            long planEvents = eventsOf(planAggregates).size();
            JsonNode trail = expect(api.get("/api/audit?planId=" + f.planId() + "&size=1").as("auditor"), 200).json();
            assertThat(trail.path("total").asLong()).as("audit trail entries of the plan").isEqualTo(planEvents);

            JsonNode priorityRag = board.path("priorities").path(0).path("rag");
            for (String colour : List.of("red", "amber", "green", "unrated")) {
                assertThat(priorityRag.path(colour).asInt()).as(colour).isEqualTo(ragCounts.getOrDefault(colour, 0));
            }
        }
    }

    // ---- racing If-Match ----------------------------------------------------------------------------

    @Nested
    class Concurrency {

        @Test
        void racingUpdatesWithTheSameIfMatchExactlyOneWins() throws Exception {
            Fixture f = fixture(1);
            String action = "/api/actions/" + f.lead1Action();
            String etag = expect(api.put(action + "/rag").as("lead1").json(map("status", "GREEN")), 200).header("ETag");
            int rounds = 10;
            int racers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                for (int round = 0; round < rounds; round++) {
                    long before = storedEvents();
                    CountDownLatch go = new CountDownLatch(1);
                    String ifMatch = etag;
                    int r = round;
                    List<Future<Response>> answers = new ArrayList<>();
                    for (int i = 0; i < racers; i++) {
                        int racer = i;
                        answers.add(pool.submit(() -> {
                            ApiClient http = new ApiClient(port);
                            Call call = racer % 2 == 0
                                    ? http.put(action + "/rag").as("lead1").header("If-Match", ifMatch)
                                    .json(map("status", "AMBER", "reason", "racer " + racer))
                                    : http.post(action + "/progress").as("manager").header("If-Match", ifMatch)
                                    .json(map("id", "race-" + r + "-" + racer, "period", "2025-06", "text", "racer " + racer));
                            go.await();
                            return call.send();
                        }));
                    }
                    go.countDown();
                    List<Response> responses = new ArrayList<>();
                    for (Future<Response> answer : answers) {
                        responses.add(answer.get(60, TimeUnit.SECONDS));
                    }
                    List<Response> winners = responses.stream().filter(resp -> resp.status() / 100 == 2).toList();
                    assertThat(winners).as("round " + round + ": " + responses).hasSize(1);
                    assertThat(responses.stream().filter(resp -> resp.status() == 409)).hasSize(racers - 1);
                    responses.stream().filter(resp -> resp.status() == 409).forEach(resp ->
                            assertThat(resp.header("Content-Type")).startsWith("application/problem+json"));
                    assertThat(storedEvents()).as("one event per round").isEqualTo(before + 1);
                    etag = winners.get(0).header("ETag");
                }
            } finally {
                pool.shutdown();
            }
            System.out.printf("CONCURRENCY %d rounds of 8 racers with the same If-Match: one winner each%n", rounds);
        }
    }

    // ---- each role against each endpoint --------------------------------------------------------------

    @Nested
    class RoleMatrix {

        /**
         * Who calls: anonymous, a wrong password, and each demo user with their roles. lead1 leads the
         * fixture's action that every delivery request acts on; lead2 leads another.
         */
        record Caller(String name, Set<String> roles, Where where) {
            Caller(String name, Set<String> roles) {
                this(name, roles, Where.EVERY);
            }

            /** Holds their role outside the fixture plan's partnership. */
            boolean outside() {
                return where == Where.OTHER || where == Where.NONE;
            }
        }

        /**
         * The partnership dimension: where a caller holds their role. EVERY: a bare grant (the demo users,
         * as before partnerships); OWN: the fixture plans' partnership (kettering-borough); OTHER: another
         * partnership that has a plan of its own (corby); NONE: a partnership with no plan at all.
         */
        enum Where {
            EVERY(null), OWN("kettering-borough"), OTHER("corby"), NONE("nowhere");

            final String partnershipId;

            Where(String partnershipId) {
                this.partnershipId = partnershipId;
            }
        }

        /** The short names of the partnership-limited callers, by role ("manager-own", "lead-other", ...). */
        static final Map<String, String> SHORT = Map.of(Roles.PLAN_MANAGER, "manager", Roles.DELIVERY_LEAD, "lead",
                Roles.BOARD, "board", Roles.AUDITOR, "auditor", Roles.SCRUTINY, "scrutiny");

        static final List<Caller> CALLERS = callers();

        static List<Caller> callers() {
            List<Caller> callers = new ArrayList<>(List.of(
                    new Caller("anonymous", Set.of()), new Caller("wrong-password", Set.of()),
                    new Caller("manager", Set.of(Roles.PLAN_MANAGER)),
                    new Caller("lead1", Set.of(Roles.DELIVERY_LEAD)), new Caller("lead2", Set.of(Roles.DELIVERY_LEAD)),
                    new Caller("board", Set.of(Roles.BOARD)), new Caller("auditor", Set.of(Roles.AUDITOR)),
                    new Caller("scrutiny", Set.of(Roles.SCRUTINY)), new Caller("county", Set.of(Roles.COUNTY_ANALYST))));
            for (String role : List.of(Roles.PLAN_MANAGER, Roles.DELIVERY_LEAD, Roles.BOARD, Roles.AUDITOR, Roles.SCRUTINY)) {
                for (Where where : List.of(Where.OWN, Where.OTHER, Where.NONE)) {
                    callers.add(new Caller(SHORT.get(role) + "-" + where.name().toLowerCase(java.util.Locale.ROOT), Set.of(role), where));
                }
            }
            return List.copyOf(callers);
        }

        /** Who leads the fixture's lead1 actions: lead1 and the three partnership-limited leads. */
        static final Set<String> LEADS = Set.of("lead1", "lead-own", "lead-other", "lead-none");

        /** The fixture's priority names no user as its lead: only plan managers decide submitted updates there. */
        static final Set<String> PRIORITY_LEADS = Set.of();

        /** The partnership-limited callers, as a users file (password "demo"), beside the demo users. */
        static Path usersFile(Path dir) {
            String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("demo");
            StringBuilder lines = new StringBuilder("# the role matrix's partnership dimension\n");
            for (Caller caller : CALLERS) {
                if (caller.where() != Where.EVERY) {
                    lines.append(caller.name()).append(':').append(hash).append(':')
                            .append(caller.roles().iterator().next()).append('@').append(caller.where().partnershipId).append('\n');
                }
            }
            try {
                Path file = dir.resolve("matrix-users.txt");
                java.nio.file.Files.writeString(file, lines, StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * An API endpoint as the application declares it: method, path pattern, the roles on its handler,
         * whether its path names a plan, action or referral, and the partnership scope it declares otherwise.
         */
        record Endpoint(String method, String pattern, Set<String> roles, boolean placed, PartnershipScope.Scope scope) {
            String key() {
                return method + " " + pattern;
            }
        }

        /** How to make one request the endpoint accepts, from a fresh fixture (preparing what it acts on). */
        record Recipe(String name, Function<Fixture, Request> prepare) {
        }

        record Request(String method, String path, Object body) {
        }

        /** Every /api endpoint the running application serves, with the roles its handler declares. */
        List<Endpoint> declaredEndpoints() {
            RequestMappingHandlerMapping mapping = application.getBean("requestMappingHandlerMapping",
                    RequestMappingHandlerMapping.class);
            List<Endpoint> endpoints = new ArrayList<>();
            mapping.getHandlerMethods().forEach((info, handler) -> {
                if (!RoleDeclarations.isApi(info)) {
                    return;
                }
                Set<String> roles = RoleDeclarations.of(handler).orElseThrow(() ->
                        new AssertionError(handler.getShortLogMessage() + " declares no roles"));
                boolean placed = PartnershipBoundary.placedByPath(info);
                PartnershipScope.Scope scope = PartnershipBoundary.scopeOf(handler).orElse(null);
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    for (String pattern : info.getPatternValues()) {
                        endpoints.add(new Endpoint(method.name(), pattern, roles, placed, scope));
                    }
                }
            });
            endpoints.sort(java.util.Comparator.comparing(Endpoint::key));
            return endpoints;
        }

        /**
         * What the declarations and the lead rule say the caller gets: 401 without valid credentials,
         * 403 when none of their roles is declared on the endpoint, 403 for a write by a delivery lead
         * who does not lead the action (the command side's ActionLeadership), otherwise success.
         */
        static int expected(Endpoint endpoint, Caller caller) {
            if (caller.roles().isEmpty()) {
                return 401;
            }
            if (caller.roles().stream().noneMatch(endpoint.roles()::contains)) {
                return 403;
            }
            if (caller.where() != Where.EVERY && endpoint.scope() == PartnershipScope.Scope.WHOLE_LEDGER) {
                // about every partnership at once: only for those who hold the role in every one
                return 403;
            }
            if (caller.outside()) {
                if (endpoint.placed()) {
                    // another partnership's plan, action or case: as unknown as an id that never existed
                    return 404;
                }
                if (endpoint.key().equals("POST /api/imports")) {
                    // the Kettering file's plan exists by then (the all-partnership manager imported it): unknown to them
                    return 404;
                }
                if (endpoint.scope() == PartnershipScope.Scope.NAMED_IN_REQUEST) {
                    return 403;
                }
                if (endpoint.key().equals("GET /api/subjects/{subjectRef}")) {
                    // filtered to their partnerships' cases, the subject has none: unknown
                    return 404;
                }
            }
            boolean write = !endpoint.method().equals("GET");
            if (write && endpoint.pattern().contains("/submissions/{submissionId}")
                    && !ActionLeadership.mayDecide(caller.roles(), caller.name(), "lead1", () -> PRIORITY_LEADS)) {
                // lead1 submitted the update; only a manager or a lead of the action's priority decides it
                return 403;
            }
            if (write && !ActionLeadership.mayUpdate(caller.roles(), caller.name(), LEADS)) {
                // A referral case is hidden from a delivery lead who does not lead its action:
                // answered like an unknown case, so its existence and its action are not confirmed.
                return endpoint.pattern().startsWith("/api/referrals/") ? 404 : 403;
            }
            return 200;
        }

        /**
         * How to call each endpoint, keyed by "METHOD pattern". Only how to build a valid request is
         * written here; who may call it is read from the application. A declared endpoint without a
         * recipe (a new endpoint) fails the test, and so does a recipe for an endpoint that is gone.
         */
        Map<String, List<Recipe>> recipes() {
            String plans = "/api/plans/";
            String actions = "/api/actions/";
            Map<String, List<Recipe>> recipes = new LinkedHashMap<>();
            java.util.function.BiConsumer<String, Recipe> add = (key, recipe) ->
                    recipes.computeIfAbsent(key, k -> new ArrayList<>()).add(recipe);
            add.accept("POST /api/plans", new Recipe("draft plan", f -> new Request("POST", "/api/plans",
                    map("id", unique("plan"), "partnership", "Kettering Borough CSP", "title", "T", "periodStart", "2024-04-01",
                            "periodEnd", "2027-03-31", "cadence", "QUARTERLY"))));
            add.accept("POST /api/plans/{planId}/priorities", new Recipe("add priority", f -> new Request("POST",
                    plans + f.planId() + "/priorities", map("id", unique("pr"), "title", "Violence"))));
            add.accept("PUT /api/plans/{planId}/priorities/{priorityId}", new Recipe("revise priority", f -> new Request("PUT",
                    plans + f.planId() + "/priorities/asb", map("title", "Anti-social behaviour"))));
            add.accept("POST /api/plans/{planId}/priorities/{priorityId}/retirement", new Recipe("retire priority",
                    f -> new Request("POST", plans + f.planId() + "/priorities/asb/retirement", map("reason", "merged"))));
            add.accept("POST /api/plans/{planId}/objectives", new Recipe("add objective", f -> new Request("POST",
                    plans + f.planId() + "/objectives", map("id", unique("ob"), "priorityId", "asb", "title", "Objective"))));
            add.accept("PUT /api/plans/{planId}/objectives/{objectiveId}", new Recipe("revise objective", f -> new Request("PUT",
                    plans + f.planId() + "/objectives/asb-1", map("title", "Reduce ASB further"))));
            add.accept("POST /api/plans/{planId}/objectives/{objectiveId}/retirement", new Recipe("retire objective", f -> {
                String objective = unique("ob");
                expect(api.post(plans + f.planId() + "/objectives").json(map("id", objective, "priorityId", "asb",
                        "title", "Objective")), 201);
                return new Request("POST", plans + f.planId() + "/objectives/" + objective + "/retirement",
                        map("reason", "dropped at the refresh"));
            }));
            add.accept("POST /api/plans/{planId}/indicators/{indicatorId}/retirement", new Recipe("retire indicator", f -> {
                String id = unique("ind");
                expect(api.post(plans + f.planId() + "/indicators").json(indicator(id)), 201);
                return new Request("POST", plans + f.planId() + "/indicators/" + id + "/retirement",
                        map("reason", "no longer measured"));
            }));
            add.accept("POST /api/plans/{planId}/indicators/{indicatorId}/readings/{readingId}/correction",
                    new Recipe("correct reading", f -> {
                        String id = unique("ind");
                        expect(api.post(plans + f.planId() + "/indicators").json(indicator(id)), 201);
                        expect(api.post(plans + f.planId() + "/indicators/" + id + "/readings").json(map("id", id + ".q1",
                                "value", 1100, "period", "2024/25 Q1")), 200);
                        return new Request("POST", plans + f.planId() + "/indicators/" + id + "/readings/" + id
                                + ".q1/correction", map("value", 1150, "reason", "police revised the figure"));
                    }));
            add.accept("POST /api/plans/{planId}/indicators", new Recipe("define indicator", f -> new Request("POST",
                    plans + f.planId() + "/indicators", indicator(unique("ind")))));
            add.accept("POST /api/plans/{planId}/indicators/{indicatorId}/rebaselining", new Recipe("rebaseline", f -> {
                String id = unique("ind");
                expect(api.post(plans + f.planId() + "/indicators").json(indicator(id)), 201);
                return new Request("POST", plans + f.planId() + "/indicators/" + id + "/rebaselining",
                        map("target", map("kind", "ABSOLUTE", "value", 1000, "text", "below 1,000"), "reason", "new baseline"));
            }));
            add.accept("POST /api/plans/{planId}/indicators/{indicatorId}/readings", new Recipe("reading", f -> {
                String id = unique("ind");
                expect(api.post(plans + f.planId() + "/indicators").json(indicator(id)), 201);
                return new Request("POST", plans + f.planId() + "/indicators/" + id + "/readings", map("value", 1100, "period", "2024/25 Q1"));
            }));
            add.accept("POST /api/plans/{planId}/indicators/{indicatorId}/series-breaks", new Recipe("series break", f -> {
                String id = unique("ind");
                expect(api.post(plans + f.planId() + "/indicators").json(indicator(id)), 201);
                return new Request("POST", plans + f.planId() + "/indicators/" + id + "/series-breaks",
                        map("breakOn", "2025-04-01", "reason", "counting rules changed"));
            }));
            add.accept("POST /api/plans/{planId}/indicators/{indicatorId}/links", new Recipe("link indicator", f -> {
                String id = unique("ind");
                String objective = unique("ob");
                expect(api.post(plans + f.planId() + "/indicators").json(indicator(id)), 201);
                expect(api.post(plans + f.planId() + "/objectives").json(map("id", objective, "priorityId", "asb",
                        "title", "Objective")), 201);
                return new Request("POST", plans + f.planId() + "/indicators/" + id + "/links", map("objectiveId", objective));
            }));
            add.accept("PUT /api/plans/{planId}/members/{memberId}", new Recipe("plan member", f -> new Request("PUT",
                    plans + f.planId() + "/members/" + unique("member"), map("name", "Ann Lee", "role", "Chair",
                            "from", "2024-04-01"))));
            add.accept("POST /api/plans/{planId}/board-meetings", new Recipe("board meeting", f -> new Request("POST",
                    plans + f.planId() + "/board-meetings", map("id", unique("m"), "heldOn", "2024-11-21", "title", "CSP Board"))));
            add.accept("POST /api/plans/{planId}/refreshes", new Recipe("refresh", f -> new Request("POST",
                    plans + f.planId() + "/refreshes", map("note", "Strategic assessment"))));
            add.accept("POST /api/plans/{planId}/closure", new Recipe("close plan", f -> new Request("POST",
                    plans + f.planId() + "/closure", map("reason", "period over"))));
            add.accept("POST /api/plans/{planId}/actions", new Recipe("add action", f -> new Request("POST",
                    plans + f.planId() + "/actions", map("id", unique("act"), "objectiveId", "asb-1", "title", "Action",
                            "leads", List.of(map("name", "L", "userId", "lead1")), "startDate", "2024-04-01", "endDate", "2027-03-31"))));
            add.accept("PUT /api/actions/{actionId}/schedule", new Recipe("reschedule", f -> new Request("PUT",
                    actions + f.lead1Action() + "/schedule", map("startDate", "2024-05-01", "endDate", "2027-03-31", "reason", "late start"))));
            add.accept("PUT /api/actions/{actionId}/leads", new Recipe("change leads", f -> new Request("PUT",
                    actions + f.lead1Action() + "/leads", map("leads", List.of(map("name", "A", "userId", "lead1"))))));
            add.accept("PUT /api/actions/{actionId}/details", new Recipe("revise details", f -> new Request("PUT",
                    actions + f.lead1Action() + "/details", map("title", "Target hardening, revised"))));
            add.accept("POST /api/actions/{actionId}/funding", new Recipe("funding", f -> new Request("POST",
                    actions + f.lead1Action() + "/funding",
                    map("id", unique("f"), "amountPence", 1770000, "source", "PCC", "financialYear", "2024/25"))));
            add.accept("POST /api/actions/{actionId}/completion", new Recipe("complete", f -> new Request("POST",
                    actions + f.lead1Action() + "/completion", map("note", "done"))));
            add.accept("POST /api/actions/{actionId}/cessation", new Recipe("cease", f -> new Request("POST",
                    actions + f.lead1Action() + "/cessation", map("reason", "DECC no longer operating"))));
            add.accept("POST /api/actions/{actionId}/reopening", new Recipe("reopen", f -> {
                expect(api.post(actions + f.lead1Action() + "/completion").json(map("note", "done")), 200);
                return new Request("POST", actions + f.lead1Action() + "/reopening", map("reason", "more to do"));
            }));
            add.accept("POST /api/actions/{actionId}/progress", new Recipe("progress", f -> new Request("POST",
                    actions + f.lead1Action() + "/progress", map("period", "2025-06", "text", "Bid submitted"))));
            add.accept("POST /api/actions/{actionId}/progress/{noteId}/corrections", new Recipe("progress correction",
                    f -> new Request("POST", actions + f.lead1Action() + "/progress/" + note(f) + "/corrections",
                            map("text", "Bid submitted to the PCC", "reason", "named the funder"))));
            add.accept("POST /api/actions/{actionId}/progress/{noteId}/withdrawal", new Recipe("progress withdrawal",
                    f -> new Request("POST", actions + f.lead1Action() + "/progress/" + note(f) + "/withdrawal",
                            map("reason", "duplicate"))));
            add.accept("PUT /api/actions/{actionId}/rag", new Recipe("rag", f -> new Request("PUT",
                    actions + f.lead1Action() + "/rag", map("status", "AMBER", "reason", "late"))));
            add.accept("POST /api/actions/{actionId}/spend", new Recipe("spend", f -> new Request("POST",
                    actions + f.lead1Action() + "/spend",
                    map("id", unique("s"), "amountPence", 125000, "description", "Locks", "financialYear", "2024/25"))));
            add.accept("POST /api/actions/{actionId}/risks", new Recipe("identify risk", f -> new Request("POST",
                    actions + f.lead1Action() + "/risks", map("id", unique("k"), "description", "Funding ends", "likelihood", 3, "impact", 4))));
            add.accept("PUT /api/actions/{actionId}/risks/{riskId}", new Recipe("reassess risk", f -> new Request("PUT",
                    actions + f.lead1Action() + "/risks/" + risk(f), map("likelihood", 2, "impact", 4))));
            add.accept("POST /api/actions/{actionId}/risks/{riskId}/closure", new Recipe("close risk", f -> new Request("POST",
                    actions + f.lead1Action() + "/risks/" + risk(f) + "/closure", map("reason", "funded"))));
            add.accept("POST /api/actions/{actionId}/referral-tallies", new Recipe("tally", f -> new Request("POST",
                    actions + f.lead1Action() + "/referral-tallies",
                    map("id", unique("t"), "from", "2024-04-01", "to", "2025-03-31", "count", 65, "totalCostPence", 1094300))));
            add.accept("POST /api/actions/{actionId}/referrals", new Recipe("record referral", f -> new Request("POST",
                    actions + f.lead1Action() + "/referrals",
                    map("id", unique("ref"), "receivedOn", "2025-07-02", "referringAgency", "Police", "subjectRef", "KT-041"))));
            add.accept("POST /api/referrals/{referralId}/acceptance", new Recipe("accept referral", f -> new Request("POST",
                    "/api/referrals/" + referral(f) + "/acceptance", null)));
            add.accept("POST /api/referrals/{referralId}/decline", new Recipe("decline referral", f -> new Request("POST",
                    "/api/referrals/" + referral(f) + "/decline", map("reason", "out of area"))));
            add.accept("POST /api/referrals/{referralId}/closure", new Recipe("close referral", f -> {
                String referral = referral(f);
                expect(api.post("/api/referrals/" + referral + "/acceptance"), 200);
                return new Request("POST", "/api/referrals/" + referral + "/closure", map("outcome", "Locks fitted", "costPence", 25000));
            }));
            add.accept("POST /api/imports", new Recipe("import", f -> new Request("POST", "/api/imports", KETTERING.get())));
            add.accept("GET /api/plans", new Recipe("plans", f -> new Request("GET", "/api/plans", null)));
            add.accept("POST /api/plans/{planId}/shares", new Recipe("share plan", f -> new Request("POST",
                    plans + f.planId() + "/shares", map("withPartnershipId", "corby", "reason", "joint priority"))));
            add.accept("POST /api/plans/{planId}/shares/{partnershipId}/withdrawal", new Recipe("withdraw share", f -> {
                expect(api.post(plans + f.planId() + "/shares").json(map("withPartnershipId", "corby")), 200);
                return new Request("POST", plans + f.planId() + "/shares/corby/withdrawal", map("reason", "priority ended"));
            }));
            add.accept("GET /api/county/figures", new Recipe("county figures", f -> new Request("GET",
                    "/api/county/figures?financialYear=2025/26", null)));
            add.accept("GET /api/plans/{planId}/board", new Recipe("board", f -> new Request("GET", plans + f.planId() + "/board", null)));
            add.accept("GET /api/plans/{planId}/board", new Recipe("board as at", f -> new Request("GET",
                    plans + f.planId() + "/board?asAt=2025-12-31", null)));
            add.accept("GET /api/plans/{planId}/diff", new Recipe("diff", f -> new Request("GET",
                    plans + f.planId() + "/diff?from=2024-04-01&to=2025-12-31", null)));
            add.accept("GET /api/plans/{planId}/timeline", new Recipe("timeline", f -> new Request("GET",
                    plans + f.planId() + "/timeline", null)));
            add.accept("GET /api/plans/{planId}/referral-statistics", new Recipe("referral statistics", f -> new Request("GET",
                    plans + f.planId() + "/referral-statistics?financialYear=2025/26", null)));
            add.accept("GET /api/actions/{actionId}", new Recipe("action history", f -> new Request("GET",
                    actions + f.lead1Action(), null)));
            add.accept("GET /api/my-actions", new Recipe("my actions", f -> new Request("GET", "/api/my-actions", null)));
            add.accept("GET /api/audit", new Recipe("audit", f -> new Request("GET", "/api/audit?planId=" + f.planId(), null)));
            add.accept("GET /api/audit/sign-in-refusals", new Recipe("sign-in refusals", f -> new Request("GET",
                    "/api/audit/sign-in-refusals", null)));
            add.accept("GET /api/ledger/verify", new Recipe("ledger verify", f -> new Request("GET", "/api/ledger/verify", null)));
            add.accept("GET /api/ledger/export", new Recipe("ledger export", f -> new Request("GET", "/api/ledger/export", null)));
            add.accept("GET /api/ledger/public-key", new Recipe("ledger public key", f -> new Request("GET",
                    "/api/ledger/public-key", null)));
            add.accept("POST /api/ledger/checkpoints", new Recipe("ledger checkpoint", f -> new Request("POST",
                    "/api/ledger/checkpoints", map("reason", "role matrix"))));
            add.accept("GET /api/plans/{planId}/board-pack", new Recipe("board pack", f -> new Request("GET",
                    plans + f.planId() + "/board-pack?asAt=2025-12-31", null)));
            // a pack is made from the read models (docs/board-packs.md): the fresh plan must have reached them
            add.accept("POST /api/plans/{planId}/board-pack", new Recipe("issue board pack", f -> {
                awaitReadModels();
                return new Request("POST", plans + f.planId() + "/board-pack?asAt=2025-12-31", null);
            }));
            add.accept("PUT /api/plans/{planId}/update-approval", new Recipe("require update approval", f -> new Request("PUT",
                    plans + f.planId() + "/update-approval", map("required", true))));
            add.accept("POST /api/actions/{actionId}/submissions/{submissionId}/approval", new Recipe("approve update",
                    f -> new Request("POST", actions + f.lead1Action() + "/submissions/" + submitted(f) + "/approval", null)));
            add.accept("POST /api/actions/{actionId}/submissions/{submissionId}/return", new Recipe("return update",
                    f -> new Request("POST", actions + f.lead1Action() + "/submissions/" + submitted(f) + "/return",
                            map("reason", "say which homes"))));
            // who owes what is read from the plan's journal: the fresh plan must have reached it
            add.accept("GET /api/plans/{planId}/pending-updates", new Recipe("pending updates", f -> {
                awaitReadModels();
                return new Request("GET", plans + f.planId() + "/pending-updates", null);
            }));
            add.accept("GET /api/plans/{planId}/updates-due", new Recipe("updates due", f -> {
                awaitReadModels();
                return new Request("GET", plans + f.planId() + "/updates-due", null);
            }));
            // Data protection (docs/data-protection.md): the readable fixture's case has subject KT-041.
            add.accept("GET /api/subjects/{subjectRef}", new Recipe("subject access", f -> new Request("GET",
                    "/api/subjects/KT-041", null)));
            add.accept("POST /api/subjects/{subjectRef}/erasure", new Recipe("subject erasure", f -> {
                String subject = unique("subject");
                expect(api.post("/api/actions/" + f.lead1Action() + "/referrals").json(map("id", unique("ref"),
                        "receivedOn", "2025-07-02", "referringAgency", "Police", "subjectRef", subject)), 201);
                return new Request("POST", "/api/subjects/" + subject + "/erasure", map("reason", "role matrix"));
            }));
            add.accept("GET /api/audit/subject-views", new Recipe("subject views", f -> new Request("GET",
                    "/api/audit/subject-views", null)));
            return recipes;
        }

        /** A plan of the OTHER partnership (corby), so that partnership is a real one with a plan of its own. */
        void otherPartnershipsPlan() {
            expect(api.post("/api/plans").json(map("id", unique("corby"), "partnership", "Corby Community Safety Partnership",
                    "title", "Plan", "periodStart", "2024-04-01", "periodEnd", "2027-03-31", "cadence", "QUARTERLY")), 201);
        }

        /** Turns approval on for the fixture's plan and has lead1 submit a note: the submission's id. */
        String submitted(Fixture f) {
            expect(api.put("/api/plans/" + f.planId() + "/update-approval").json(map("required", true)), 200);
            String id = unique("sub");
            expect(api.post("/api/actions/" + f.lead1Action() + "/progress").as("lead1")
                    .json(map("id", id, "period", "2025-06", "text", "Bid submitted")), 201);
            return id;
        }

        static Map<String, Object> indicator(String id) {
            return map("id", id, "objectiveId", "asb-1", "name", "Violence with injury", "unit", "COUNT", "direction", "REDUCE",
                    "target", map("kind", "PERCENT_CHANGE", "value", 5, "text", "5% reduction"));
        }

        String note(Fixture f) {
            return expect(api.post("/api/actions/" + f.lead1Action() + "/progress")
                    .json(map("period", "2025-06", "text", "Bid submitted")), 201).json().path("noteId").asText();
        }

        String risk(Fixture f) {
            String id = unique("k");
            expect(api.post("/api/actions/" + f.lead1Action() + "/risks")
                    .json(map("id", id, "description", "Funding ends", "likelihood", 3, "impact", 4)), 201);
            return id;
        }

        String referral(Fixture f) {
            String id = unique("ref");
            expect(api.post("/api/actions/" + f.lead1Action() + "/referrals")
                    .json(map("id", id, "receivedOn", "2025-07-02", "referringAgency", "Police", "subjectRef", "KT-041")), 201);
            return id;
        }

        static final java.util.function.Supplier<String> KETTERING = () -> {
            try {
                return new String(new ClassPathResource("plans/kettering-2013-2016.json").getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };

        Call call(Request request, Caller caller) {
            Call call = switch (request.method()) {
                case "GET" -> api.get(request.path());
                case "POST" -> api.post(request.path());
                case "PUT" -> api.put(request.path());
                default -> throw new IllegalArgumentException(request.method());
            };
            call = request.body() == null ? call : call.json(request.body());
            return switch (caller.name()) {
                case "anonymous" -> call.anonymous();
                case "wrong-password" -> call.as("manager").password("not-the-password");
                default -> call.as(caller.name());
            };
        }

        @Test
        void everyDeclaredEndpointHasARecipeAndEveryRecipeAnEndpoint() {
            assertThat(declaredEndpoints().stream().filter(e -> !e.placed() && e.scope() == null).map(Endpoint::key))
                    .as("endpoints whose path names no plan, action or referral and that declare no @PartnershipScope")
                    .isEmpty();
            Set<String> declared = new java.util.TreeSet<>(declaredEndpoints().stream().map(Endpoint::key).toList());
            assertThat(declared).as("endpoints declared by the application").hasSizeGreaterThan(40);
            assertThat(recipes().keySet()).containsExactlyInAnyOrderElementsOf(declared);
        }

        private void awaitReadModels() {
            try {
                ReadModels.awaitCaughtUp(application, Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        @Test
        void eachRoleAgainstEachEndpoint() throws Exception {
            List<String> mismatches = new ArrayList<>();
            Map<String, List<Recipe>> recipes = recipes();
            List<Endpoint> endpoints = declaredEndpoints();
            int cases = 0;
            int requests = 0;
            Fixture readable = fixture(1);
            referral(readable);
            otherPartnershipsPlan();
            ReadModels.awaitCaughtUp(application, Duration.ofMinutes(1));
            for (Endpoint endpoint : endpoints) {
                boolean write = !endpoint.method().equals("GET");
                for (Recipe recipe : recipes.getOrDefault(endpoint.key(), List.of())) {
                    // Refusals change nothing, so they share one prepared fixture; each success gets a fresh one.
                    Request sharedRequest = recipe.prepare().apply(write ? fixture(1) : readable);
                    requests++;
                    for (Caller caller : CALLERS) {
                        int expected = expected(endpoint, caller);
                        Request request = write && expected == 200 ? recipe.prepare().apply(fixture(1)) : sharedRequest;
                        long before = storedEvents();
                        Response response = call(request, caller).send();
                        cases++;
                        String name = endpoint.key() + " (" + recipe.name() + ")";
                        boolean matches = expected == 200 ? response.status() / 100 == 2 : response.status() == expected;
                        if (!matches) {
                            mismatches.add("%-60s %-15s expected %s, got %s".formatted(name, caller.name(),
                                    expected == 200 ? "2xx" : expected, response));
                            continue;
                        }
                        if (expected != 200) {
                            if (!String.valueOf(response.header("Content-Type")).startsWith("application/problem+json")) {
                                mismatches.add(name + " " + caller.name() + ": not problem+json: " + response.header("Content-Type"));
                            }
                            if (storedEvents() != before) {
                                mismatches.add(name + " " + caller.name() + ": a refused request stored events");
                            }
                        }
                        if (request.path().contains("/api/actions/" + readable.lead1Action()) && !write
                                && caller.roles().stream().noneMatch(Set.of(Roles.PLAN_MANAGER, Roles.DELIVERY_LEAD, Roles.AUDITOR)::contains)
                                && response.text().contains("KT-041")) {
                            mismatches.add(name + " " + caller.name() + ": saw a referral subject reference");
                        }
                        if (caller.outside() && expected == 200 && response.text().contains(readable.planId())) {
                            mismatches.add(name + " " + caller.name() + ": a filtered answer shows the other partnership's plan");
                        }
                    }
                }
            }
            System.out.printf("ROLES %d declared endpoints, %d requests x %d callers (%d partnership-limited: each role "
                            + "in the plan's own partnership, another, none) = %d cases, %d mismatches%n",
                    endpoints.size(), requests, CALLERS.size(), CALLERS.stream().filter(c -> c.where() != Where.EVERY).count(),
                    cases, mismatches.size());
            assertThat(cases).isEqualTo(requests * CALLERS.size()).isGreaterThan(300);
            assertThat(mismatches).isEmpty();
        }

        // ---- the pages limited to some roles: the same declarations, over a browser's session -------------

        /**
         * How to use a role-limited page, keyed by "METHOD pattern". {@code roles}, when given, narrows the
         * handler's declaration for this recipe (a generic form handler serves forms of several endpoints,
         * each allowing the roles of the API endpoint it sends to). A page about an action also applies the
         * lead rule, as the Action does.
         */
        record PageRecipe(String name, Set<String> roles, Function<Fixture, PageRequest> prepare) {
        }

        /** {@code stream}: a server-sent event stream, which never ends; the matrix reads its status, headers and first line, then hangs up. */
        record PageRequest(String method, String path, Map<String, String> form, boolean stream) {
            PageRequest(String method, String path, Map<String, String> form) {
                this(method, path, form, false);
            }
        }

        /** Every handler outside /api that declares roles, as "METHOD pattern" with the roles it declares. */
        Map<String, Set<String>> declaredPages() {
            RequestMappingHandlerMapping mapping = application.getBean("requestMappingHandlerMapping",
                    RequestMappingHandlerMapping.class);
            Map<String, Set<String>> pages = new java.util.TreeMap<>();
            mapping.getHandlerMethods().forEach((info, handler) -> {
                if (RoleDeclarations.isApi(info)) {
                    return;
                }
                RoleDeclarations.of(handler).ifPresent(roles -> {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        for (String pattern : info.getPatternValues()) {
                            pages.put(method.name() + " " + pattern, roles);
                        }
                    }
                });
            });
            return pages;
        }

        Map<String, List<PageRecipe>> pageRecipes() {
            Map<String, List<PageRecipe>> recipes = new LinkedHashMap<>();
            java.util.function.BiConsumer<String, PageRecipe> add = (key, recipe) ->
                    recipes.computeIfAbsent(key, k -> new ArrayList<>()).add(recipe);
            Set<String> managers = Set.of(Roles.PLAN_MANAGER);
            add.accept("GET /audit", new PageRecipe("audit page", null, f -> new PageRequest("GET", "/audit?planId=" + f.planId(), null)));
            add.accept("GET /county", new PageRecipe("county figures page", null, f -> new PageRequest("GET", "/county", null)));
            add.accept("GET /audit.csv", new PageRecipe("audit csv", null, f -> new PageRequest("GET", "/audit.csv?planId=" + f.planId(), null)));
            add.accept("GET /actions/{actionId}/record", new PageRecipe("record forms", null, f -> new PageRequest("GET",
                    "/actions/" + f.lead1Action() + "/record", null)));
            add.accept("POST /actions/{actionId}/record/{form}", new PageRecipe("record a note", null, f -> new PageRequest("POST",
                    "/actions/" + f.lead1Action() + "/record/progress", Map.of("period", "2025-06", "text", "Bid submitted"))));
            // issuing a pack from its page: made from the read models, so the fresh plan must have reached them
            add.accept("POST /plans/{planId}/board-packs", new PageRecipe("issue board pack page", null, f -> {
                awaitReadModels();
                return new PageRequest("POST", "/plans/" + f.planId() + "/board-packs", Map.of("asAt", "2025-12-31"));
            }));
            add.accept("GET /plans/{planId}/updates-due", new PageRecipe("updates due page", null, f -> new PageRequest("GET",
                    "/plans/" + f.planId() + "/updates-due", null)));
            add.accept("GET /plans/{planId}/pending-updates", new PageRecipe("pending updates page", null, f -> new PageRequest("GET",
                    "/plans/" + f.planId() + "/pending-updates", null)));
            // a pending update to decide on: the plan requires approval and lead1 submits a note
            add.accept("POST /actions/{actionId}/submissions/{submissionId}/{decision}", new PageRecipe("approve update page", null,
                    f -> new PageRequest("POST", "/actions/" + f.lead1Action() + "/submissions/" + submitted(f) + "/approval", Map.of())));
            add.accept("GET /manage/{form}", new PageRecipe("draft plan form", null, f -> new PageRequest("GET", "/manage/new-plan", null)));
            add.accept("POST /manage/{form}", new PageRecipe("draft plan", null, f -> new PageRequest("POST", "/manage/new-plan",
                    Map.of("id", unique("plan"), "partnership", "Kettering Borough CSP", "title", "T", "periodStart", "2024-04-01",
                            "periodEnd", "2027-03-31", "cadence", "QUARTERLY"))));
            add.accept("GET /plans/{planId}/manage", new PageRecipe("manage page", null, f -> new PageRequest("GET",
                    "/plans/" + f.planId() + "/manage", null)));
            add.accept("GET /plans/{planId}/manage/{form}", new PageRecipe("revise priority form", null, f -> new PageRequest("GET",
                    "/plans/" + f.planId() + "/manage/revise-priority?priorityId=asb", null)));
            add.accept("POST /plans/{planId}/manage/{form}", new PageRecipe("add priority", null, f -> new PageRequest("POST",
                    "/plans/" + f.planId() + "/manage/add-priority", Map.of("title", "Violence"))));
            add.accept("GET /actions/{actionId}/manage/{form}", new PageRecipe("correct note form", null, f -> new PageRequest("GET",
                    "/actions/" + f.lead1Action() + "/manage/correct-note?noteId=" + note(f), null)));
            add.accept("GET /actions/{actionId}/manage/{form}", new PageRecipe("cease form", managers, f -> new PageRequest("GET",
                    "/actions/" + f.lead1Action() + "/manage/cease", null)));
            add.accept("POST /actions/{actionId}/manage/{form}", new PageRecipe("withdraw note", null, f -> new PageRequest("POST",
                    "/actions/" + f.lead1Action() + "/manage/withdraw-note", Map.of("path.noteId", note(f), "reason", "duplicate"))));
            add.accept("POST /actions/{actionId}/manage/{form}", new PageRecipe("reschedule", managers, f -> new PageRequest("POST",
                    "/actions/" + f.lead1Action() + "/manage/reschedule",
                    Map.of("startDate", "2024-05-01", "endDate", "2027-03-31", "reason", "late start"))));
            // the plan's members and indicator links
            add.accept("GET /plans/{planId}/manage/{form}", new PageRecipe("member joins form", null, f -> new PageRequest("GET",
                    "/plans/" + f.planId() + "/manage/member-joins", null)));
            add.accept("POST /plans/{planId}/manage/{form}", new PageRecipe("member joins", null, f -> new PageRequest("POST",
                    "/plans/" + f.planId() + "/manage/member-joins", Map.of("path.memberId", unique("member"), "name", "Ann Lee",
                    "from", "2024-04-01"))));
            add.accept("POST /plans/{planId}/manage/{form}", new PageRecipe("member leaves", null, f -> {
                String member = unique("member");
                expect(api.put("/api/plans/" + f.planId() + "/members/" + member).json(map("name", "Ann Lee", "from", "2024-04-01")), 200);
                return new PageRequest("POST", "/plans/" + f.planId() + "/manage/member-leaves", Map.of("path.memberId", member,
                        "name", "Ann Lee", "from", "2024-04-01", "to", "2025-03-31"));
            }));
            add.accept("POST /plans/{planId}/manage/{form}", new PageRecipe("link indicator", null, f -> {
                String indicator = unique("ind");
                String objective = unique("ob");
                expect(api.post("/api/plans/" + f.planId() + "/indicators").json(indicator(indicator)), 201);
                expect(api.post("/api/plans/" + f.planId() + "/objectives").json(map("id", objective, "priorityId", "asb",
                        "title", "Second objective")), 201);
                return new PageRequest("POST", "/plans/" + f.planId() + "/manage/link-indicator",
                        Map.of("path.indicatorId", indicator, "objectiveId", objective));
            }));
            // an action's risks and referral cases, for its lead (and managers)
            add.accept("GET /actions/{actionId}/manage/{form}", new PageRecipe("identify risk form", null, f -> new PageRequest("GET",
                    "/actions/" + f.lead1Action() + "/manage/identify-risk", null)));
            add.accept("POST /actions/{actionId}/manage/{form}", new PageRecipe("identify risk", null, f -> new PageRequest("POST",
                    "/actions/" + f.lead1Action() + "/manage/identify-risk",
                    Map.of("description", "Funding ends", "likelihood", "3", "impact", "4"))));
            add.accept("POST /actions/{actionId}/manage/{form}", new PageRecipe("reassess risk", null, f -> new PageRequest("POST",
                    "/actions/" + f.lead1Action() + "/manage/reassess-risk",
                    Map.of("path.riskId", risk(f), "likelihood", "2", "impact", "4"))));
            add.accept("POST /actions/{actionId}/manage/{form}", new PageRecipe("close risk", null, f -> new PageRequest("POST",
                    "/actions/" + f.lead1Action() + "/manage/close-risk", Map.of("path.riskId", risk(f), "reason", "Funded"))));
            add.accept("GET /actions/{actionId}/manage/{form}", new PageRecipe("decline referral form", null, f -> new PageRequest("GET",
                    "/actions/" + f.lead1Action() + "/manage/decline-referral?referralId=" + referral(f), null)));
            add.accept("POST /actions/{actionId}/manage/{form}", new PageRecipe("accept referral", null, f -> new PageRequest("POST",
                    "/actions/" + f.lead1Action() + "/manage/accept-referral", Map.of("path.referralId", referral(f)))));
            add.accept("POST /actions/{actionId}/manage/{form}", new PageRecipe("decline referral", null, f -> new PageRequest("POST",
                    "/actions/" + f.lead1Action() + "/manage/decline-referral",
                    Map.of("path.referralId", referral(f), "reason", "Outside the area"))));
            add.accept("POST /actions/{actionId}/manage/{form}", new PageRecipe("close referral", null, f -> {
                String referral = referral(f);
                expect(api.post("/api/referrals/" + referral + "/acceptance").json(map()), 200);
                return new PageRequest("POST", "/actions/" + f.lead1Action() + "/manage/close-referral",
                        Map.of("path.referralId", referral, "outcome", "Locks fitted", "costPence", "250"));
            }));
            // the live feed of the board and of the action page: a stream that never ends
            add.accept("GET /plans/{planId}/live", new PageRecipe("live feed", null, f -> new PageRequest("GET",
                    "/plans/" + f.planId() + "/live", null, true)));
            return recipes;
        }

        /** 200 for a page, 302 (on to the changed record) for a form sent; 403 for a role or a lead refused. */
        static int expectedOnPage(String method, String path, Set<String> roles, Set<String> handlerRoles, Caller caller) {
            // the partnership boundary answers before a generic form handler narrows its roles to the form's
            boolean placedPage = path.startsWith("/plans/") || path.startsWith("/actions/");
            if (caller.outside() && placedPage && caller.roles().stream().anyMatch(handlerRoles::contains)) {
                return 404;
            }
            if (caller.roles().stream().noneMatch(roles::contains)) {
                return 403;
            }
            if (caller.outside()) {
                if (path.startsWith("/plans/") || path.startsWith("/actions/")) {
                    return 404;
                }
                if (path.startsWith("/manage/") && method.equals("POST")) {
                    // drafting a plan in a partnership they hold no role in
                    return 403;
                }
            }
            if (path.contains("/submissions/")
                    && !ActionLeadership.mayDecide(caller.roles(), caller.name(), "lead1", () -> PRIORITY_LEADS)) {
                return 403;
            }
            if (path.startsWith("/actions/") && !ActionLeadership.mayUpdate(caller.roles(), caller.name(), LEADS)) {
                return 403;
            }
            return method.equals("GET") ? 200 : 302;
        }

        @Test
        void everyRoleLimitedPageHasARecipeAndEveryRecipeAPage() {
            Set<String> declared = new java.util.HashSet<>(declaredPages().keySet());
            assertThat(declared).as("role-limited pages").contains("GET /plans/{planId}/manage", "GET /plans/{planId}/live");
            assertThat(pageRecipes().keySet()).containsExactlyInAnyOrderElementsOf(declared);
        }

        @Test
        void eachRoleAgainstEachRoleLimitedPage() throws Exception {
            List<String> mismatches = new ArrayList<>();
            Map<String, Set<String>> declared = declaredPages();
            int cases = 0;
            Fixture readable = fixture(1);
            otherPartnershipsPlan();
            ReadModels.awaitCaughtUp(application, Duration.ofMinutes(1));
            for (Map.Entry<String, List<PageRecipe>> entry : pageRecipes().entrySet()) {
                for (PageRecipe recipe : entry.getValue()) {
                    Set<String> roles = recipe.roles() != null ? recipe.roles() : declared.get(entry.getKey());
                    for (Caller caller : CALLERS) {
                        boolean send = entry.getKey().startsWith("POST");
                        PageRequest request = recipe.prepare().apply(send ? fixture(1) : readable);
                        // the page reads what the recipe just prepared (a note to correct) from the read models
                        ReadModels.awaitCaughtUp(application, Duration.ofMinutes(1));
                        long before = storedEvents();
                        java.net.http.HttpResponse<?> response = request.stream()
                                ? streamCall(request, caller, mismatches, entry.getKey() + " " + caller.name())
                                : pageCall(request, caller);
                        cases++;
                        String name = entry.getKey() + " (" + recipe.name() + ") " + caller.name();
                        String location = response.headers().firstValue("Location").orElse("");
                        if (caller.roles().isEmpty()) {
                            // not signed in: sent to the sign-in page, or refused (a form without a session has no CSRF token)
                            boolean refused = response.statusCode() == 401 || response.statusCode() == 403
                                    || (response.statusCode() == 302 && location.endsWith("/login"));
                            if (!refused) {
                                mismatches.add(name + ": not refused but " + response.statusCode() + " " + location);
                            }
                        } else {
                            int expected = expectedOnPage(request.method(), request.path(), roles, declared.get(entry.getKey()), caller);
                            if (response.statusCode() != expected) {
                                mismatches.add(name + ": expected " + expected + ", got " + response.statusCode() + " " + location);
                            }
                            if (expected == 302 && location.endsWith("/login")) {
                                mismatches.add(name + ": sent to sign in");
                            }
                            if ((expected == 403 || expected == 404) && storedEvents() != before) {
                                mismatches.add(name + ": a refused request stored events");
                            }
                            // (the audit page's links repeat the query it was asked, plan id and all; its entries must not show it)
                            if (caller.outside() && expected == 200 && String.valueOf(response.body()).replace("planId=" + readable.planId(), "")
                                    .contains(readable.planId())) {
                                mismatches.add(name + ": a filtered page shows the other partnership's plan");
                            }
                        }
                        if (caller.roles().isEmpty() && storedEvents() != before) {
                            mismatches.add(name + ": a request without a sign-in stored events");
                        }
                    }
                }
            }
            System.out.printf("PAGE ROLES %d role-limited page mappings, %d cases, %d mismatches%n",
                    declared.size(), cases, mismatches.size());
            assertThat(mismatches).isEmpty();
        }

        /**
         * The request as a browser session would make it: signed in with the caller's credentials, and a
         * form sent with the CSRF token of a page the session was shown (so a refusal is the role's, not
         * a missing token's).
         */
        java.net.http.HttpResponse<String> pageCall(PageRequest request, Caller caller) throws Exception {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .cookieHandler(new java.net.CookieManager()).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            java.util.function.Function<String, java.net.http.HttpRequest.Builder> builder = path -> signedIn(path, caller);
            if (request.method().equals("GET")) {
                return client.send(builder.apply(request.path()).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            }
            Map<String, String> form = new LinkedHashMap<>(request.form());
            if (!caller.roles().isEmpty()) {
                String plans = client.send(builder.apply("/plans").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(plans);
                assertThat(token.find()).as("a CSRF token for " + caller.name()).isTrue();
                form.put("_csrf", token.group(1));
            }
            String body = form.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
            return client.send(builder.apply(request.path()).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        /** A request with the caller's credentials (none for anonymous, a wrong password for wrong-password). */
        java.net.http.HttpRequest.Builder signedIn(String path, Caller caller) {
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path));
            if (!caller.name().equals("anonymous")) {
                String password = caller.name().equals("wrong-password") ? "not-the-password" : "demo";
                String user = caller.name().equals("wrong-password") ? "manager" : caller.name();
                b.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            return b;
        }

        /**
         * A never-ending stream (server-sent events): the status and headers, and for a stream granted its
         * content type and first line (the comment that opens it), read within ten seconds; then the
         * matrix hangs up, as a page that closes does. A refusal is an ordinary answer with a body.
         */
        java.net.http.HttpResponse<java.io.InputStream> streamCall(PageRequest request, Caller caller, List<String> mismatches,
                                                                    String name) throws Exception {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            java.net.http.HttpResponse<java.io.InputStream> response = client.sendAsync(signedIn(request.path(), caller)
                            .header("Accept", "text/event-stream").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream())
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            try (java.io.InputStream body = response.body()) {
                if (response.statusCode() == 200) {
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8));
                    String first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return lines.readLine();
                        } catch (IOException e) {
                            return "unreadable: " + e;
                        }
                    }).get(10, java.util.concurrent.TimeUnit.SECONDS);
                    if (!type.startsWith("text/event-stream") || first == null || !first.startsWith(":")) {
                        mismatches.add(name + ": a stream granted but not an event stream (" + type + ", first line " + first + ")");
                    }
                }
            }
            return response;
        }
    }
}
