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
                .run("--planledger.data-dir=" + dataDir, "--server.port=0", "--planledger.demo.enabled=true");
        port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        application.close();
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

    /** Sends the request line exactly as written: no client library normalises or refuses the path. */
    static RawResponse get(String path, String credentials) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String auth = credentials == null ? "" : "Authorization: Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n";
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n" + auth
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
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
