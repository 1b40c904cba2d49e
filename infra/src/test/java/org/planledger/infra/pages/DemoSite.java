package org.planledger.infra.pages;

import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * What the browser tests share: the whole application on the embedded runtime with demo mode on
 * (the demo users and the Kettering plan), started once per class on a random loopback port with
 * its read models caught up, a headless Chromium pointed at it, and the API as another person
 * would use it meanwhile (a demo user's password is "demo"). As a {@link JobSite} each demo user
 * also has a browser of their own, signed in through the pages' form.
 */
final class DemoSite extends JobSite {

    final Browser browser;
    final int port;

    private DemoSite(ConfigurableApplicationContext application, Browser browser, int port) {
        super(application, "http://127.0.0.1:" + port);
        this.browser = browser;
        this.port = port;
    }

    static DemoSite start(Path dataDir) throws Exception {
        Browser.requireInstalled();
        ConfigurableApplicationContext application = new SpringApplicationBuilder(PlanLedgerApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0", "--planledger.demo.enabled=true");
        try {
            ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
            int port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
            return new DemoSite(application, Browser.start("http://127.0.0.1:" + port), port);
        } catch (Exception | Error failure) {
            application.close();
            throw failure;
        }
    }

    @Override
    void signIn(Browser browser, String person) {
        browser.signIn(person);
    }

    /** A demo user's user id is their name. */
    @Override
    String userId(String person) {
        return person;
    }

    @Override
    String screenshotPrefix() {
        return "";
    }

    /** An API call as a demo user (HTTP Basic), with a JSON body (or none). */
    @Override
    HttpResponse<String> api(String method, String path, String user, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A progress note recorded through the API, as a lead in another session would; the answer's status. */
    int recordNote(String lead, String actionId, String period, String text) throws Exception {
        return api("POST", "/api/actions/" + actionId + "/progress", lead,
                "{\"period\": \"" + period + "\", \"text\": \"" + text + "\"}").statusCode();
    }

    @Override
    public void close() {
        try {
            closeBrowsers();
            browser.close();
        } finally {
            application.close();
        }
    }
}
