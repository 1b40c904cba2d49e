package org.planledger.infra.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.web.ApiClient.Response;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input, generated (issue 7): malformed and hostile bodies and parameters sent over HTTP to
 * the running application. Every one must be answered 4xx with a problem+json body, never 5xx, and
 * must store no event. jqwik runs on the JUnit Platform next to Jupiter; the application is
 * started once for the container (jqwik has no Spring extension).
 */
@net.jqwik.api.Tag("slow")
class HostileInputProperties {

    private static final AtomicInteger CASES = new AtomicInteger();
    private static Path dataDir;
    private static ConfigurableApplicationContext application;
    private static ApiClient api;
    private static JdbcTemplate jdbc;
    private static String planId;
    private static String actionId;
    private static String noteId;
    private static String referralId;

    @BeforeContainer
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("plan-ledger-hostile");
        application = new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0", "--server.address=127.0.0.1");
        api = new ApiClient(((WebServerApplicationContext) application).getWebServer().getPort());
        jdbc = application.getBean(JdbcTemplate.class);
        planId = "hostile-plan";
        actionId = "hostile-action";
        referralId = "hostile-referral";
        ok(api.post("/api/plans").json(Map.of("id", planId, "partnership", "P", "title", "T", "periodStart", "2013-04-01",
                "periodEnd", "2016-03-31", "cadence", "BI_MONTHLY")));
        ok(api.post("/api/plans/" + planId + "/priorities").json(Map.of("id", "asb", "title", "ASB")));
        ok(api.post("/api/plans/" + planId + "/objectives").json(Map.of("id", "asb-1", "priorityId", "asb", "title", "O")));
        ok(api.post("/api/plans/" + planId + "/actions").json(Map.of("id", actionId, "objectiveId", "asb-1", "title", "A",
                "leads", List.of(Map.of("name", "L", "userId", "lead1")), "startDate", "2013-04-01", "endDate", "2016-03-31")));
        noteId = ok(api.post("/api/actions/" + actionId + "/progress").json(Map.of("period", "2013-06", "text", "t")))
                .json().path("noteId").asText();
        ok(api.post("/api/actions/" + actionId + "/referrals").json(Map.of("id", referralId, "receivedOn", "2013-07-01",
                "referringAgency", "Police")));
    }

    @AfterContainer
    static void stop() {
        System.out.printf("HOSTILE %d generated hostile requests: every one 4xx problem+json, none stored an event%n", CASES.get());
        if (application != null) {
            application.close();
        }
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    private static Response ok(ApiClient.Call call) {
        Response response = call.send();
        assertThat(response.status() / 100).as(response.toString()).isEqualTo(2);
        return response;
    }

    private static long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** Sends the request and checks: 4xx, problem+json naming its status, no stack trace, nothing stored. */
    private static void refused(String method, String path, String body) {
        CASES.incrementAndGet();
        long before = storedEvents();
        ApiClient.Call call = switch (method) {
            case "GET" -> api.get(path);
            case "PUT" -> api.put(path);
            default -> api.post(path);
        };
        Response response = (body == null ? call : call.json(body)).send();
        Statistics.label("status").collect(response.status());
        assertThat(response.status()).as(method + " " + path + " " + abbreviate(body) + " -> " + abbreviate(response.toString()))
                .isBetween(400, 499);
        assertThat(response.header("Content-Type")).as(abbreviate(response.toString())).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(response.status());
        assertThat(response.text()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(storedEvents()).as("events stored by " + method + " " + path + " " + abbreviate(body)).isEqualTo(before);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }

    // ---- where to send -----------------------------------------------------------------------------

    /** Write endpoints with a valid body; each property breaks the body in its own way. */
    static Map<String, Map<String, Object>> validBodies() {
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        bodies.put("POST /api/plans", map("id", "p-new", "partnership", "P", "title", "T", "periodStart", "2013-04-01",
                "periodEnd", "2016-03-31", "cadence", "BI_MONTHLY"));
        bodies.put("POST /api/plans/" + planIdOrPlaceholder() + "/actions", map("id", "a-new", "objectiveId", "asb-1",
                "title", "A", "leads", List.of(map("name", "L", "userId", "lead1")), "startDate", "2013-04-01", "endDate", "2016-03-31"));
        bodies.put("POST /api/actions/" + actionOrPlaceholder() + "/progress", map("period", "2013-06", "text", "Bid submitted"));
        bodies.put("PUT /api/actions/" + actionOrPlaceholder() + "/rag", map("status", "AMBER", "reason", "late"));
        bodies.put("POST /api/actions/" + actionOrPlaceholder() + "/referral-tallies", map("from", "2012-04-01", "to", "2013-03-31",
                "count", 65, "totalCostPence", 1094300));
        bodies.put("POST /api/actions/" + actionOrPlaceholder() + "/spend", map("amountPence", 125000, "description", "Locks",
                "financialYear", "2013/14"));
        bodies.put("POST /api/actions/" + actionOrPlaceholder() + "/referrals", map("receivedOn", "2013-07-02",
                "referringAgency", "Police", "subjectRef", "KT-041"));
        bodies.put("POST /api/referrals/hostile-referral/closure", map("outcome", "Locks fitted", "costPence", 25000));
        return bodies;
    }

    private static String planIdOrPlaceholder() {
        return "hostile-plan";
    }

    private static String actionOrPlaceholder() {
        return "hostile-action";
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Provide
    Arbitrary<String> writeEndpoints() {
        return Arbitraries.of(validBodies().keySet().stream().toList());
    }

    // ---- 1. random JSON ----------------------------------------------------------------------------

    /** Random JSON of any shape; objects always carry a field no endpoint knows, so none is a valid body by chance. */
    @Property(tries = TRIES_ANNOTATION)
    void randomJsonIsRefused(@ForAll("writeEndpoints") String endpoint, @ForAll("randomJson") String body) {
        String[] parts = endpoint.split(" ", 2);
        refused(parts[0], parts[1], body);
    }

    /** Tries per property; three properties. */
    static final int TRIES_ANNOTATION = 250;

    @Provide
    Arbitrary<String> randomJson() {
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(HostileInputProperties::quote),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "{}", "[]"));
        Arbitrary<String> objects = Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                scalars.list().ofMaxSize(4),
                Arbitraries.strings().alpha().ofMaxLength(8).list().ofMaxSize(4))
                .as((unknown, values, keys) -> {
                    StringBuilder json = new StringBuilder("{\"zz" + unknown + "\":0");
                    for (int i = 0; i < values.size(); i++) {
                        json.append(',').append(quote(i < keys.size() ? keys.get(i) : "k" + i)).append(':').append(values.get(i));
                    }
                    return json.append('}').toString();
                });
        Arbitrary<String> malformed = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                objects.map(json -> json.substring(0, json.length() - 1)),
                objects.map(json -> json + ","),
                Arbitraries.of("{\"period\":\"2013-06\",\"text\":\"x\"", "{'period':'2013-06'}", "{\"a\":NaN}", "\u0000",
                        "{\"period\":\"2013-06\",\"period\":\"2013-07\",\"text\":\"dup\"}"),
                // deeper than any parser should follow
                Arbitraries.integers().between(1_001, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1_001, 20_000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        Arbitrary<String> arrays = scalars.list().ofMaxSize(5).map(values -> "[" + String.join(",", values) + "]");
        return Arbitraries.oneOf(scalars, objects, malformed, arrays);
    }

    static String quote(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }

    // ---- 2. one hostile field in an otherwise valid body ---------------------------------------------

    @Property(tries = TRIES_ANNOTATION)
    void oneHostileFieldIsRefused(@ForAll("hostileFields") Tuple.Tuple3<String, String, Object> hostile) {
        String endpoint = hostile.get1();
        Map<String, Object> body = new LinkedHashMap<>(validBodies().get(endpoint));
        if (body.containsKey("id")) {
            body.put("id", "h-" + CASES.get()); // a fresh id each time: a reused one would be refused for another reason (409)
        }
        body.put(hostile.get2(), hostile.get3());
        Statistics.label("field").collect(hostile.get2());
        String[] parts = endpoint.split(" ", 2);
        try {
            refused(parts[0], parts[1], ApiClient.JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple3<String, String, Object>> hostileFields() {
        return Arbitraries.of(validBodies().keySet().stream().toList()).flatMap(endpoint -> {
            Map<String, Object> body = validBodies().get(endpoint);
            List<String> fields = body.keySet().stream().toList();
            return Arbitraries.of(fields).flatMap(field -> hostileValueFor(field, body.get(field))
                    .map(value -> Tuple.of(endpoint, field, value)));
        });
    }

    /** A value the field can never accept, chosen from the field's kind. */
    static Arbitrary<Object> hostileValueFor(String field, Object valid) {
        Arbitrary<Object> mongoOperators = Arbitraries.of(
                Map.of("$gt", ""), Map.of("$ne", ""), Map.of("$where", "sleep(1000)"), List.of(Map.of("$regex", ".*")));
        Arbitrary<Object> deeplyNested = Arbitraries.integers().between(20, 900).map(HostileInputProperties::nested);
        Arbitrary<Object> wrongShape = Arbitraries.oneOf(mongoOperators, deeplyNested, Arbitraries.of(List.of(), Map.of(), true));
        if (field.endsWith("Pence") || field.equals("count")) {
            return Arbitraries.oneOf(
                    Arbitraries.longs().lessOrEqual(-1).map(Object.class::cast),
                    Arbitraries.of(new java.math.BigInteger("99999999999999999999999999"), Long.MAX_VALUE, 10_000_000_001L * 1000,
                            1.5, "12", "£100", "NaN"),
                    wrongShape);
        }
        if (field.equals("periodStart") || field.equals("periodEnd") || field.equals("startDate") || field.equals("endDate")
                || field.equals("from") || field.equals("to") || field.equals("receivedOn")) {
            return Arbitraries.oneOf(
                    Arbitraries.of("2013-02-30", "2013-13-01", "13/06/2013", "1899-12-31", "3000-01-01", "", "2013-06-01T25:00",
                            "+1000000000-01-01", "2013-6-1", "yesterday", "\u0000\u0001"),
                    Arbitraries.integers().map(Object.class::cast), wrongShape);
        }
        if (field.equals("period")) {
            return Arbitraries.oneOf(Arbitraries.of("2013-13", "13-2013", "June 2013", "2013-00", "", "2013-06-31", "99999-01"),
                    Arbitraries.strings().ofMinLength(11).ofMaxLength(40).map(Object.class::cast), wrongShape);
        }
        if (field.equals("cadence") || field.equals("status") || field.equals("financialYear")) {
            return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
                            .filter(s -> !List.of("BI_MONTHLY", "QUARTERLY", "SIX_MONTHLY", "RED", "AMBER", "GREEN").contains(s))
                            .map(Object.class::cast),
                    Arbitraries.of("green", "2013/15", "2013-14", "13/14", "$gt", "", "AMBER\u0000"), wrongShape);
        }
        if (field.equals("id") || field.endsWith("Id")) {
            return Arbitraries.oneOf(
                    Arbitraries.of("$where", "a b", "{\"$gt\":\"\"}", "../etc/passwd", "a\u0000b", "a\nb", "", " ", "-leading", "é"),
                    Arbitraries.strings().alpha().ofMinLength(101).ofMaxLength(300).map(Object.class::cast), wrongShape);
        }
        if (field.equals("leads")) {
            return Arbitraries.oneOf(Arbitraries.of(List.of(), List.of(Map.of("name", "")), List.of(Map.of("$gt", "")), "lead1"),
                    wrongShape);
        }
        // free text: blank, over every text limit (the largest is 20,000), or not text at all
        int limit = 20_000;
        return Arbitraries.oneOf(
                Arbitraries.of("", "   ", "\t\n"),
                Arbitraries.integers().between(limit + 1, limit + 5_000).map(n -> (Object) "x".repeat(n)),
                Arbitraries.of((Object) "\u0000".repeat(limit + 1), "€".repeat(limit + 1), "x".repeat(2_000_000)),
                wrongShape.filter(v -> !(field.equals("reason") && v instanceof Boolean)));
    }

    static Object nested(int depth) {
        Object value = "bottom";
        for (int i = 0; i < depth; i++) {
            value = i % 2 == 0 ? List.of(value) : Map.of("a", value);
        }
        return value;
    }

    // ---- 3. hostile query parameters and paths -----------------------------------------------------

    @Property(tries = TRIES_ANNOTATION)
    void hostileParametersAreRefused(@ForAll("hostileReads") String path) {
        refused("GET", path, null);
    }

    @Provide
    Arbitrary<String> hostileReads() {
        Arbitrary<String> badValues = Arbitraries.oneOf(
                Arbitraries.of("{\"$gt\":\"\"}", "$where", "[$ne]=1", "2013-02-30", "a b", "%00", "'; drop table x;--",
                        "-1", "99999999999999999999", "1e9", "%7B%22%24gt%22%3A%22%22%7D"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(30)
                        .filter(s -> s.matches(".*[^A-Za-z0-9._-].*")));
        return badValues.flatMap(raw -> {
            String value = urlEncode(raw);
            // ids, user names and event types are plain words: only a value with another character is surely refused
            List<String> words = raw.matches(".*[^A-Za-z0-9._-].*")
                    ? List.of("/api/audit?planId=" + value, "/api/audit?actor=" + value, "/api/audit?type=" + value)
                    : List.of();
            List<String> typed = List.of(
                "/api/audit?from=" + value + "x",
                "/api/audit?size=" + value + "x",
                "/api/audit?page=-" + value,
                "/api/plans/" + planId + "/board?asAt=" + value + "x",
                "/api/plans/" + planId + "/board?knownAt=" + value + "x",
                "/api/plans/" + planId + "/diff?from=2013-04-01&to=" + value + "x",
                "/api/plans/" + planId + "/referral-statistics?financialYear=" + value + "x");
            List<String> all = new java.util.ArrayList<>(words);
            all.addAll(typed);
            return Arbitraries.of(all);
        });
    }

    static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
