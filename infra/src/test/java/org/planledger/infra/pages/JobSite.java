package org.planledger.infra.pages;

import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the browser jobs ({@link BrowserJobs}) are done: one running application, a browser of
 * their own for each person (own cookies, own session, as two people at two desks), and the API
 * as each person would call it. The people are named by their part in the jobs ({@code manager},
 * {@code lead1}, {@code lead2}, {@code board}, {@code scrutiny}, {@code auditor}); how they sign
 * in, and the user id the service knows them by, is the site's: the demo users' form on the
 * embedded runtime ({@link DemoSite}), the identity provider on the postgres profile ({@link OidcSite}).
 */
abstract class JobSite implements AutoCloseable {

    final ConfigurableApplicationContext application;
    final String base;
    private final Map<String, Browser> browsers = new LinkedHashMap<>();

    JobSite(ConfigurableApplicationContext application, String base) {
        this.application = application;
        this.base = base;
    }

    /** The person's own browser, signed in on first use and kept for the class, at desktop width. */
    Browser as(String person) throws Exception {
        Browser browser = browsers.get(person);
        if (browser == null) {
            browser = Browser.start(base);
            browsers.put(person, browser);
            signIn(browser, person);
        }
        browser.driver.manage().window().setSize(Browser.DESKTOP);
        return browser;
    }

    /** Signs the person in, in this browser, the way this site's people sign in; lands on a page of the service. */
    abstract void signIn(Browser browser, String person) throws Exception;

    /** The user id the service knows the person by: "Signed in as", the actor of their changes, an action lead's userId. */
    abstract String userId(String person);

    /** An API call as the person, with a JSON body (or none). */
    abstract HttpResponse<String> api(String method, String path, String person, String json) throws Exception;

    /** Put before a screenshot's name, so the two sites' pictures of the same page sit side by side. */
    abstract String screenshotPrefix();

    /** Closes the people's browsers; the site closes the rest. */
    void closeBrowsers() {
        browsers.values().forEach(Browser::close);
        browsers.clear();
    }
}
