package org.planledger.infra.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.SlowLane;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hardening probe's findings, each kept as a regression test: what a black-box probe of the
 * running service broke, asked again the same way (raw HTTP on loopback, as the probe sent it).
 */
@SlowLane
class HardeningTest {

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext application;
    static int port;

    @BeforeAll
    static void start() {
        application = new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0", "--planledger.demo.enabled=true",
                        "--planledger.security.login-throttle.account-failures=5",
                        "--planledger.security.login-throttle.address-failures=1000",
                        "--planledger.security.login-throttle.refill-period=10s");
        port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    /** Finding 1: demo users (and the open health details) must not be reachable beyond loopback on any port. */
    @Nested
    class DemoUsersOnEveryListeningAddress {

        @Test
        void aManagementPortOnEveryInterfaceIsRefusedAtStart() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpringApplicationBuilder(PlanLedgerApplication.class)
                            .bannerMode(Banner.Mode.OFF).run("--planledger.data-dir=" + dataDir.resolve("second"),
                                    "--server.port=0", "--management.server.port=0", "--management.server.address=0.0.0.0"))
                    .hasStackTraceContaining("management.server.address is 0.0.0.0");
        }

        @Test
        void onALoopbackManagementPortDetailsAndPrometheusNeedCredentials() throws Exception {
            try (ConfigurableApplicationContext withManagementPort = new SpringApplicationBuilder(PlanLedgerApplication.class)
                    .bannerMode(Banner.Mode.OFF).run("--planledger.data-dir=" + dataDir.resolve("third"), "--server.port=0",
                            "--management.server.port=0", "--management.server.address=127.0.0.1")) {
                int managementPort = Integer.parseInt(withManagementPort.getEnvironment().getProperty("local.management.port"));
                RawResponse prometheus = get(managementPort, "/actuator/prometheus", null);
                // 401, or 302 to the sign-in page for a client that also accepts HTML: either way, sign in first
                assertThat(prometheus.status()).isIn(401, 302);
                assertThat(prometheus.body()).doesNotContain("jvm_");
                RawResponse health = get(managementPort, "/actuator/health", null);
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.body()).doesNotContain("\"components\"");
                assertThat(get(managementPort, "/actuator/prometheus", "auditor:demo").status()).isEqualTo(200);
            }
        }

        @Test
        void withoutDemoUsersNoDemoPlanIsImported() throws IOException {
            var environment = new org.springframework.core.env.StandardEnvironment();
            environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("given",
                    java.util.Map.of("planledger.security.demo-users", "false")));
            new org.springframework.boot.env.YamlPropertySourceLoader()
                    .load("embedded", new org.springframework.core.io.ClassPathResource("application-embedded.yml"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
            assertThat(environment.getProperty("planledger.demo.enabled", Boolean.class)).isFalse();
            environment.getPropertySources().remove("given");
            assertThat(environment.getProperty("planledger.demo.enabled", Boolean.class)).isTrue();
        }
    }

    /** Finding 2: sign-ins are throttled per account and per address, and unknown users cost what known ones do. */
    @Nested
    class SignInThrottling {

        @Test
        void afterFiveWrongPasswordsTheAccountWaitsThenSignsInAgain() throws Exception {
            for (int i = 0; i < 5; i++) {
                assertThat(get("/api/plans", "scrutiny:wrong" + i).status()).isEqualTo(401);
            }
            RawResponse throttled = get("/api/plans", "scrutiny:wrong-again");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("content-type")).startsWith("application/problem+json");
            long retryAfter = Long.parseLong(throttled.header("retry-after"));
            assertThat(retryAfter).isBetween(1L, 10L);
            assertThat(get("/api/plans", "scrutiny:demo").status()).as("even the right password waits").isEqualTo(429);
            assertThat(get("/api/plans", "board:demo").status()).as("other accounts are not held up").isEqualTo(200);

            Thread.sleep(retryAfter * 1000 + 200);
            assertThat(get("/api/plans", "scrutiny:demo").status()).as("never locked for good").isEqualTo(200);

            RawResponse refusals = get("/api/audit/sign-in-refusals", "auditor:demo");
            assertThat(refusals.status()).isEqualTo(200);
            assertThat(refusals.body()).contains("\"account\":\"scrutiny\"").contains("too many failed sign-ins");
        }

        @Test
        void anUnknownUserTakesAboutAsLongAsAKnownOne() throws Exception {
            long[] known = new long[15];
            long[] unknown = new long[15];
            for (int i = 0; i < known.length; i++) {
                long start = System.nanoTime();
                assertThat(get("/api/plans", "board:demo").status()).isEqualTo(200);
                known[i] = System.nanoTime() - start;
                start = System.nanoTime();
                assertThat(get("/api/plans", "nobody" + i + ":demo").status()).isEqualTo(401);
                unknown[i] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(known);
            java.util.Arrays.sort(unknown);
            double ratio = (double) unknown[known.length / 2] / known[known.length / 2];
            System.out.printf("SIGN-IN TIMING median known %.1f ms, unknown %.1f ms, ratio %.2f (was 193 / 12 ms, 16x)%n",
                    known[known.length / 2] / 1e6, unknown[unknown.length / 2] / 1e6, ratio);
            assertThat(ratio).as("unknown / known median sign-in time").isLessThan(3.0);
        }
    }

    /** Finding 3: one limit for every reason, wherever it comes from. */
    @Nested
    class ReasonLimits {

        @Test
        void aSevenThousandCharacterReasonHeaderIsRefusedAndNothingStored() throws Exception {
            String action = "asb-cleaner-weeks-of-action";
            long before = application.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class)
                    .readEvents(action).asStream().count();
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/actions/"
                                    + action + "/progress"))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes()))
                            .header("Content-Type", "application/json")
                            .header("X-Change-Reason", "r".repeat(7_000))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"period\":\"2013-08\",\"text\":\"ok\"}"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("X-Change-Reason");
            assertThat(application.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class)
                    .readEvents(action).asStream().count()).isEqualTo(before);
        }
    }

    /** Finding 5: security headers, SameSite cookies, and no Host header echoed into Location. */
    @Nested
    class Headers {

        @Test
        void pagesCarryAContentSecurityPolicyWithoutUnsafeInlineAndAReferrerPolicy() throws IOException {
            RawResponse page = get("/plans", "board:demo");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("content-security-policy")).contains("default-src 'self'").doesNotContain("unsafe-inline");
            assertThat(page.header("referrer-policy")).isEqualTo("same-origin");
            assertThat(page.header("permissions-policy")).contains("camera=()");
            assertThat(page.header("x-frame-options")).isEqualTo("DENY");
        }

        @Test
        void theSignInCookieIsSameSite() throws IOException {
            RawResponse login = get("/login", null);
            assertThat(login.head()).containsPattern("(?i)set-cookie: JSESSIONID=[^\r\n]*SameSite=Lax");
        }

        @Test
        void aForgedHostIsNotEchoedIntoLocation() throws Exception {
            String body = "{\"id\":\"host-probe\",\"partnership\":\"P\",\"title\":\"T\",\"periodStart\":\"2024-04-01\","
                    + "\"periodEnd\":\"2027-03-31\",\"cadence\":\"QUARTERLY\"}";
            RawResponse created = send("POST", port, "/api/plans", "manager:demo", "evil.example", body);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("location")).isEqualTo("/api/plans/host-probe");
        }

        @Test
        void aBrowserSentToSignInWithAForgedHostStaysOnThisService() throws Exception {
            RawResponse toSignIn = send("GET", port, "/plans", null, "evil.example", null, "text/html");
            assertThat(toSignIn.status()).isEqualTo(302);
            assertThat(toSignIn.header("location")).isEqualTo("/login");
        }
    }

    /** Finding 4: every error answer is problem+json, including those refused before Spring MVC. */
    @Nested
    class EveryErrorIsProblemJson {

        @ParameterizedTest(name = "GET {0}")
        @ValueSource(strings = {"/api/plans/%00", "/api/plans/a%2Fb", "//api/plans", "/api/plans;jsessionid=abc",
                "/api/plans/a%0ab", "/api/nothing-here", "/no-such-page"})
        void refusedAddresses(String path) throws IOException {
            RawResponse response = get(path, "board:demo");
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertThat(response.header("content-type")).as(path).startsWith("application/problem+json");
            assertThat(response.body()).as(path).contains("\"status\":" + response.status());
        }

        @Test
        void aTwentyThousandCharacterAddress() throws IOException {
            RawResponse response = get("/api/plans/" + "a".repeat(20_000), "board:demo");
            assertThat(response.status()).isBetween(400, 499);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("aaaaaaaaaa");
        }
    }

    /** Finding 8: a NUL or a right-to-left override in text is refused with a 400 naming the field; nothing is stored. */
    @Nested
    class ControlCharactersInText {

        private static final String ACTION = "asb-cleaner-weeks-of-action";

        @ParameterizedTest(name = "text with U+{0}")
        @ValueSource(strings = {"0000", "202E", "2066", "001B"})
        void areRefusedAndNothingIsStored(String codePoint) throws Exception {
            long before = events(ACTION);
            String text = "Paid in full " + (char) Integer.parseInt(codePoint, 16) + "0001,£";
            java.net.http.HttpResponse<String> response = post("/api/actions/" + ACTION + "/progress",
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                            java.util.Map.of("period", "2013-06", "text", text)));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("text").contains("control character");
            assertThat(events(ACTION)).isEqualTo(before);
        }

        @Test
        void ordinaryTextWithLineBreaksIsStored() throws Exception {
            long before = events(ACTION);
            java.net.http.HttpResponse<String> response = post("/api/actions/" + ACTION + "/progress",
                    "{\"period\":\"2013-07\",\"text\":\"Two sessions held.\\n\\tNext in August, £250 spent.\"}");
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(events(ACTION)).isEqualTo(before + 1);
        }

        private long events(String aggregateId) {
            return application.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class)
                    .readEvents(aggregateId).asStream().count();
        }
    }

    static java.net.http.HttpResponse<String> post(String path, String json) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes()))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    record RawResponse(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }
    }

    static RawResponse get(String path, String credentials) throws IOException {
        return get(port, path, credentials);
    }

    static RawResponse get(int toPort, String path, String credentials) throws IOException {
        return send("GET", toPort, path, credentials, "127.0.0.1", null);
    }

    /** Sends the request line exactly as written: no client library normalises or refuses the path. */
    static RawResponse send(String method, int toPort, String path, String credentials, String host, String json)
            throws IOException {
        return send(method, toPort, path, credentials, host, json, "application/json, */*;q=0.5");
    }

    static RawResponse send(String method, int toPort, String path, String credentials, String host, String json,
                            String accept) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", toPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String auth = credentials == null ? "" : "Authorization: Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n";
            byte[] content = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String entity = json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n";
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: " + accept + "\r\n" + auth
                    + entity + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawResponse(status, head, body);
        }
    }
}
