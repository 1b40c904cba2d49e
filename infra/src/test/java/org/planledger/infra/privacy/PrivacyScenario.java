package org.planledger.infra.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.planledger.infra.ReadModels;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referral cases with distinctive personal data, recorded over HTTP as users would, shared by the
 * H2 and PostgreSQL tests. Every string in {@link #PERSONAL} must be absent from anything stored.
 */
public final class PrivacyScenario {

    public static final ObjectMapper JSON = new ObjectMapper();

    public static final String PLAN = "privacy-plan";
    public static final String ACTION = "privacy-action";
    /** The subject who is erased: two cases. */
    public static final String ERASED_SUBJECT = "ZQX-SUBJ-7731-Quartermain";
    /** Another subject, kept. */
    public static final String KEPT_SUBJECT = "ZQX-KEPT-4402-Pemberton";
    public static final String ERASED_REASON = "ZQXreason repeat victim Zebediah";
    public static final String ERASED_OUTCOME = "ZQXoutcome locks fitted for Zebediah";
    public static final String ERASED_DECLINE = "ZQXdecline Zebediah moved away";
    public static final String KEPT_REASON = "ZQXreason Pemberton household";
    /** Not personal: must be found in the same files, or a scan that finds nothing proves nothing (compression). */
    public static final String CONTROL = "ZQXcontrol target hardening";
    public static final List<String> PERSONAL = List.of(ERASED_SUBJECT, KEPT_SUBJECT, ERASED_REASON, ERASED_OUTCOME,
            ERASED_DECLINE, KEPT_REASON);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final ApplicationContext application;

    public PrivacyScenario(ApplicationContext application) {
        this.application = application;
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    public record Answer(int status, String text) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
    }

    public Answer call(String method, String path, String user, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Answer ok(String method, String path, String user, Object body) {
        Answer answer = call(method, path, user, body);
        assertThat(answer.status()).as(method + " " + path + " -> " + answer.text()).isBetween(200, 299);
        return answer;
    }

    public Answer get(String path, String user) {
        return ok("GET", path, user, null);
    }

    /** A plan with one action led by lead1, and three cases of two subjects (one case without a reference). */
    public void recordCases() {
        ok("POST", "/api/plans", "manager", Map.of("id", PLAN, "partnership", "Kettering Borough Community Safety Partnership",
                "title", "Community Safety Plan 2013-2016", "periodStart", "2013-04-01", "periodEnd", "2016-03-31",
                "cadence", "BI_MONTHLY", "effectiveOn", "2013-04-01"));
        ok("POST", "/api/plans/" + PLAN + "/priorities", "manager", Map.of("id", "asb", "title", "Anti-social behaviour", "effectiveOn", "2013-04-01"));
        ok("POST", "/api/plans/" + PLAN + "/objectives", "manager", Map.of("id", "asb-1", "priorityId", "asb", "title", "Reduce ASB", "effectiveOn", "2013-04-01"));
        ok("POST", "/api/plans/" + PLAN + "/actions", "manager", Map.of("id", ACTION, "objectiveId", "asb-1",
                "title", CONTROL, "outputs", List.of("Locks fitted"),
                "leads", List.of(Map.of("name", "Lead one", "organisation", "Kettering Borough Council", "userId", "lead1")),
                "partners", List.of("Police"), "startDate", "2013-04-01", "endDate", "2014-03-31", "effectiveOn", "2013-04-01"));
        String referrals = "/api/actions/" + ACTION + "/referrals";
        ok("POST", referrals, "lead1", Map.of("id", "case-erased-1", "receivedOn", "2013-07-02", "referringAgency", "Police",
                "subjectRef", ERASED_SUBJECT, "reason", ERASED_REASON));
        ok("POST", "/api/referrals/case-erased-1/acceptance", "lead1", null);
        ok("POST", "/api/referrals/case-erased-1/closure", "lead1", Map.of("outcome", ERASED_OUTCOME, "costPence", 25_000));
        ok("POST", referrals, "lead1", Map.of("id", "case-erased-2", "receivedOn", "2013-08-02", "referringAgency", "Housing",
                "subjectRef", ERASED_SUBJECT));
        ok("POST", "/api/referrals/case-erased-2/decline", "lead1", Map.of("reason", ERASED_DECLINE));
        ok("POST", referrals, "lead1", Map.of("id", "case-kept", "receivedOn", "2013-09-02", "referringAgency", "Police",
                "subjectRef", KEPT_SUBJECT, "reason", KEPT_REASON));
    }

    public void awaitReadModels() throws InterruptedException {
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
    }

    /** What the board and committee rely on, as JSON text. */
    public Map<String, String> figures() {
        return Map.of("board", get("/api/plans/" + PLAN + "/board?asAt=2014-03-31", "board").text(),
                "statistics", get("/api/plans/" + PLAN + "/referral-statistics?financialYear=2013/14", "board").text());
    }

    /** Every file under the directory that holds any of the strings, with the string. */
    public static List<String> filesHolding(Path directory, List<String> strings) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (String text : strings) {
                    if (contains(bytes, text.getBytes(StandardCharsets.UTF_8))) {
                        found.add(directory.relativize(file) + " holds " + text);
                    }
                }
            }
        }
        return found;
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
