package org.planledger.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real HTTP client for the tests: java.net.http against the running server, signing in with HTTP
 * Basic as one of the users the test set up (the demo users' password unless told otherwise). The one
 * client of every HTTP-level test, so that a request is built, sent and checked in one place.
 */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String password;

    public ApiClient(int port) {
        this(port, "demo");
    }

    /** Every call signs in with {@code password} unless it names another. */
    public ApiClient(int port, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.password = password;
    }

    /** Of the running application's web server, e.g. one started with {@code SpringApplicationBuilder}. */
    public static ApiClient of(org.springframework.context.ApplicationContext application, String password) {
        return new ApiClient(((org.springframework.boot.web.context.WebServerApplicationContext) application)
                .getWebServer().getPort(), password);
    }

    public record Response(int status, Map<String, String> headers, byte[] bytes) {
        /** The body as UTF-8 text. */
        public String text() {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                String text = text();
                return text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        /** The first value of the response header, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    public final class Call {
        private final String method;
        private final String path;
        private String user = "manager";
        private String password = ApiClient.this.password;
        private String body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call as(String user) {
            this.user = user;
            return this;
        }

        public Call password(String password) {
            this.password = password;
            return this;
        }

        public Call anonymous() {
            this.user = null;
            return this;
        }

        public Call json(Object body) {
            try {
                this.body = body instanceof String text ? text : JSON.writeValueAsString(body);
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            headers.forEach(request::header);
            if (body != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> responseHeaders = new LinkedHashMap<>();
                response.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(), values.get(0)));
                return new Response(response.statusCode(), responseHeaders, response.body());
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    /**
     * Sends the request as {@code user} ({@code json} null for none) and checks the status: the
     * failure names the request and shows the answer.
     */
    public Response expect(String method, String path, String user, String json, int status) {
        Call call = new Call(method, path).as(user);
        if (json != null) {
            call.json(json);
        }
        Response response = call.send();
        org.assertj.core.api.Assertions.assertThat(response.status()).as(method + " " + path + ": " + response.text())
                .isEqualTo(status);
        return response;
    }

    /** A GET as {@code user} that must answer 200: its body as text (a page, a CSV). */
    public String text(String path, String user) {
        return expect("GET", path, user, null, 200).text();
    }

    /** Read models follow the event store a moment behind: ask until the answer shows what was written. */
    public static Response eventually(java.util.function.Supplier<Call> call, java.util.function.Predicate<Response> shows) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        Response response = call.get().send();
        while (!shows.test(response) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            response = call.get().send();
        }
        org.assertj.core.api.Assertions.assertThat(shows.test(response)).as("read model never showed it: " + response).isTrue();
        return response;
    }
}
