package org.planledger.infra.pages;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person using the pages over plain HTTP, as a browser without script would: signed in through
 * the login form, keeping the session cookie, and sending each form with the CSRF token the page
 * it came from carries. Redirects are not followed, so a test sees where a form sends the person.
 */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    record Page(int status, String location, String body) {
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private PageSession(String base) {
        this.base = base;
    }

    static PageSession signIn(int port, String user) throws Exception {
        PageSession session = new PageSession("http://127.0.0.1:" + port);
        Page login = session.get("/login");
        Page signedIn = session.post("/login", login, Map.of("username", user, "password", "demo"));
        assertThat(signedIn.status()).as("sign-in as " + user).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        return session;
    }

    Page get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return page(response);
    }

    /** Sends a form with the CSRF token of the page it is on. */
    Page post(String path, Page from, Map<String, String> fields) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(from.body());
        assertThat(token.find()).as("a CSRF token on the page the form is sent from").isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token.group(1).replace("&#45;", "-"));
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return page(response);
    }

    private static Page page(HttpResponse<String> response) {
        return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
    }
}
