package org.planledger.infra.pages;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.planledger.infra.ReadModels;
import org.planledger.infra.postgres.PostgresApplication;
import org.planledger.infra.postgres.ScratchDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on the {@code postgres} profile as a council would run it: events in a
 * scratch PostgreSQL database (dropped afterwards), no demo users and no demo plans, and everyone
 * signing in through a real OpenID Connect provider started on loopback (no.nav.security's
 * mock-oauth2-server with its interactive sign-in page). Each person signs in to the pages in
 * their own Chromium by the authorization-code flow, and calls the API with a bearer token the
 * same provider issues, with the same claims: a subject that is not their user id, the user id in
 * {@code preferred_username}, and their roles in {@code roles} beside a role of the provider's own.
 */
final class OidcSite extends JobSite {

    static final String ISSUER_ID = "csp";
    static final String REGISTRATION = "council";

    /** A person at the identity provider: the subject it knows them by, their user id claim, their roles. */
    record Person(String subject, String userId, List<String> roles) {
        Map<String, Object> claims() {
            return Map.of("preferred_username", userId, "roles", roles);
        }
    }

    static final Map<String, Person> PEOPLE = Map.of(
            "manager", new Person("5b0e7c1a-manager", "pat.okafor", List.of("PLAN_MANAGER", "idp-staff")),
            "lead1", new Person("9f41d2c3-lead", "jo.smith", List.of("DELIVERY_LEAD", "idp-staff")),
            "lead2", new Person("2c7aa810-lead", "sam.patel", List.of("DELIVERY_LEAD")),
            "board", new Person("71be0f55-board", "cllr.reid", List.of("BOARD")),
            "scrutiny", new Person("e3d9a4b2-scrutiny", "cllr.jones", List.of("SCRUTINY")),
            "auditor", new Person("0c12f6de-audit", "a.auditor", List.of("AUDITOR")));

    final MockOAuth2Server identityProvider;
    private final ScratchDatabase database;

    private OidcSite(ConfigurableApplicationContext application, String base, MockOAuth2Server identityProvider,
                     ScratchDatabase database) {
        super(application, base);
        this.identityProvider = identityProvider;
        this.database = database;
    }

    static OidcSite start(Path dataDir) throws Exception {
        Browser.requireInstalled();
        MockOAuth2Server identityProvider = new MockOAuth2Server(new OAuth2Config(true));
        identityProvider.start(InetAddress.getLoopbackAddress(), 0);
        ScratchDatabase database = null;
        ConfigurableApplicationContext application = null;
        try {
            database = ScratchDatabase.create();
            String issuer = identityProvider.issuerUrl(ISSUER_ID).toString();
            String client = "--spring.security.oauth2.client.registration." + REGISTRATION;
            application = PostgresApplication.start(database, dataDir, "--server.address=127.0.0.1",
                    "--planledger.demo.enabled=false", "--planledger.ledger.daily-checkpoint.enabled=false",
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                    "--spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri=" + issuer,
                    client + ".client-id=plan-ledger-pages",
                    client + ".client-secret=pages-secret",
                    client + ".client-name=Example Council",
                    client + ".scope=openid,profile");
            ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
            String base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
            return new OidcSite(application, base, identityProvider, database);
        } catch (Exception | Error failure) {
            PostgresApplication.stop(application, database);
            identityProvider.shutdown();
            throw failure;
        }
    }

    /** Through the provider: "Sign in with Example Council", the provider's page (subject and claims), back signed in. */
    @Override
    void signIn(Browser browser, String person) {
        Person who = person(person);
        browser.open("/login");
        browser.one("#sign-in-" + REGISTRATION).click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(identityProvider.baseUrl().toString()));
        browser.type("input[name=username]", who.subject());
        browser.type("textarea[name=claims]", "{\"preferred_username\": \"" + who.userId() + "\", \"roles\": ["
                + who.roles().stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(", ")) + "]}");
        browser.one("input[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base) && !d.getCurrentUrl().contains("/login"));
        assertThat(browser.one(".who").getText()).contains("Signed in as " + who.userId());
    }

    @Override
    String userId(String person) {
        return person(person).userId();
    }

    @Override
    String screenshotPrefix() {
        return "postgres-oidc-";
    }

    /** An API call with a bearer token the provider issued to the person. */
    @Override
    HttpResponse<String> api(String method, String path, String person, String json) throws Exception {
        Person who = person(person);
        String token = identityProvider.issueToken(ISSUER_ID, who.subject(), "plan-ledger-api", who.claims()).serialize();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Person person(String person) {
        Person who = PEOPLE.get(person);
        if (who == null) {
            throw new IllegalArgumentException("no one called " + person + " at the identity provider: " + PEOPLE.keySet());
        }
        return who;
    }

    @Override
    public void close() throws Exception {
        try {
            closeBrowsers();
            application.close();
        } finally {
            try {
                database.close();
            } finally {
                identityProvider.shutdown();
            }
        }
    }
}
