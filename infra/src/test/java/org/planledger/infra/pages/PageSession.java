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

    /** Signed in as a demo user (password "demo"). */
    static PageSession signIn(int port, String user) throws Exception {
        return signIn(port, user, "demo");
    }

    static PageSession signIn(int port, String user, String password) throws Exception {
        PageSession session = new PageSession("http://127.0.0.1:" + port);
        Page login = session.get("/login");
        Page signedIn = session.post("/login", login, Map.of("username", user, "password", password));
        assertThat(signedIn.status()).as("sign-in as " + user).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        return session;
    }

    Page get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return page(response);
    }

    /**
     * Sends a form with the CSRF token of the page it is on and, as a browser would, the hidden fields
     * the page carries (the version the form was shown at, the note it is about); {@code fields} win.
     */
    Page post(String path, Page from, Map<String, String> fields) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(from.body());
        assertThat(token.find()).as("a CSRF token on the page the form is sent from").isTrue();
        Map<String, String> all = hidden(from);
        all.putAll(fields);
        all.put("_csrf", unescape(token.group(1)));
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return page(response);
    }

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    /** The page's hidden fields by name, as a browser would send them (not the CSRF token: {@link #post} adds it). */
    static Map<String, String> hidden(Page page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = HIDDEN.matcher(page.body());
        while (input.find()) {
            Matcher name = NAME.matcher(input.group());
            Matcher value = VALUE.matcher(input.group());
            if (name.find() && !name.group(1).equals("_csrf")) {
                fields.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
            }
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&#45;", "-").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static Page page(HttpResponse<String> response) {
        return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
    }
}
