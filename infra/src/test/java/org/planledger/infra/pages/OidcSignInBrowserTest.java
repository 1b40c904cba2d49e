package org.planledger.infra.pages;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.SlowLane;
import org.planledger.infra.postgres.PostgresApplication;
import org.planledger.infra.postgres.ScratchDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the pages on the {@code postgres} profile, in headless Chromium: through a real
 * OpenID Connect provider (no.nav.security's mock-oauth2-server, started on loopback with its
 * interactive sign-in page) by the authorization-code flow, with roles from the same claim as the
 * API's tokens; and with a user name and password from the users file, which stays available on
 * every profile. One application start for the class.
 */
@SlowLane
class OidcSignInBrowserTest {

    static final String ISSUER_ID = "csp";

    @TempDir
    static Path dataDir;
    static MockOAuth2Server identityProvider;
    static ScratchDatabase database;
    static ConfigurableApplicationContext application;
    static Browser browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireInstalled();
        identityProvider = new MockOAuth2Server(new OAuth2Config(true));
        identityProvider.start(InetAddress.getLoopbackAddress(), 0);
        String issuer = identityProvider.issuerUrl(ISSUER_ID).toString();
        database = ScratchDatabase.create();
        Path users = Files.writeString(dataDir.resolve("users"),
                "# the users file: form login for a small deployment, beside the identity provider\n"
                        + "clerk:" + new BCryptPasswordEncoder(4).encode("clerk-password") + ":BOARD\n");
        application = PostgresApplication.start(database, dataDir.resolve("data"), "--server.address=127.0.0.1",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.client.provider.council.issuer-uri=" + issuer,
                "--spring.security.oauth2.client.registration.council.client-id=plan-ledger-pages",
                "--spring.security.oauth2.client.registration.council.client-secret=pages-secret",
                "--spring.security.oauth2.client.registration.council.client-name=Example Council",
                "--spring.security.oauth2.client.registration.council.scope=openid,profile",
                "--planledger.security.users-file=" + users);
        base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
        browser = Browser.start(base);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (application != null) {
            application.close();
        }
        if (database != null) {
            database.close();
        }
        if (identityProvider != null) {
            identityProvider.shutdown();
        }
    }

    @Test
    void anAuditorSignsInThroughTheIdentityProviderAndAClerkWithAPasswordOnThePostgresProfile() throws Exception {
        browser.driver.manage().window().setSize(Browser.DESKTOP);
        browser.open("/plans");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(browser.one("#sign-in-council").getText()).isEqualTo("Sign in with Example Council");
        assertThat(browser.all("#password")).as("the users file's form beside it").hasSize(1);
        PageChecks.assertAccessible(browser, "sign-in choices");
        browser.screenshot("sign-in-oidc-choices-desktop", Browser.DESKTOP);
        browser.screenshot("sign-in-oidc-choices-phone", Browser.PHONE);

        // The provider's own sign-in page: the person, and the claims it puts in their tokens.
        browser.one("#sign-in-council").click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(identityProvider.baseUrl().toString()));
        browser.type("input[name=username]", "subject-4711");
        browser.type("textarea[name=claims]", "{\"preferred_username\": \"a.auditor\", \"roles\": [\"AUDITOR\", \"idp-admin\"]}");
        browser.one("input[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "/plans"));
        assertThat(browser.one(".who").getText()).contains("Signed in as a.auditor").contains("(Auditor)");
        browser.open("/audit");
        assertThat(browser.h1()).isEqualTo("Audit trail");
        browser.screenshot("sign-in-oidc-audit-desktop", Browser.DESKTOP);

        // The API takes a token from the same issuer with the same role claim.
        String token = identityProvider.issueToken(ISSUER_ID, "subject-4711", "plan-ledger-api",
                Map.of("preferred_username", "a.auditor", "roles", List.of("AUDITOR"))).serialize();
        HttpResponse<String> audit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/audit"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(audit.statusCode()).isEqualTo(200);

        // Signing out ends the provider's session too and comes back to the sign-in page.
        browser.signOut();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "/login"));
        assertThat(browser.text()).contains("You have signed out.");
        browser.open("/plans");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/login");

        // The users file's form login on the same profile.
        browser.type("#username", "clerk");
        browser.type("#password", "clerk-password");
        browser.submit("form.stack-form");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "/plans"));
        assertThat(browser.one(".who").getText()).contains("Signed in as clerk").contains("(Board member)");
        browser.open("/audit");
        assertThat(browser.h1()).isEqualTo("Not allowed");
    }
}
