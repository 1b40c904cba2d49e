package org.planledger.infra.pages;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.SlowLane;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five jobs of {@link BrowserJobs} (manager, lead, scrutiny, auditor, live board) on the embedded
 * default, in headless Chromium against the whole application (one start, with the Kettering demo
 * plan and the demo users signing in through the pages' form, each in a browser of their own); and a
 * manager's form sent after a lead changed the same action. The same jobs on the {@code postgres}
 * profile with sign-in through an identity provider: {@link OidcJobsBrowserTest}.
 */
@SlowLane
class ManageBrowserTest extends BrowserJobs {

    static final String LEAD1_ACTION = BrowserPagesTest.LEAD1_ACTION;

    @TempDir
    static Path dataDir;
    static DemoSite site;
    static ConfigurableApplicationContext application;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        site = DemoSite.start(dataDir);
        application = site.application;
        browser = site.browser;
    }

    @Override
    JobSite site() {
        return site;
    }

    /** Kettering's: lead1 leads priorities 1 and 3, lead2 priorities 2 and 4. */
    @Override
    JobPlan plan() {
        return new JobPlan(BrowserPagesTest.PLAN, LEAD1_ACTION, "asb-cleaner-victim-witness-support",
                "To provide support for victims and witnesses of crime and ASB", "Victim Support",
                "violence", BrowserPagesTest.LEAD2_ACTION);
    }

    @AfterAll
    static void stop() {
        GenericEventMessage.clock = Clock.systemUTC();
        if (site != null) {
            site.close();
        }
    }

    /**
     * A form sent after someone else changed the same action is refused beside the form, with who
     * changed it and when, and nothing is stored; sent again, having looked, it applies.
     */
    @Test
    void aManagersFormSentAfterTheLeadRecordedANoteIsRefusedAndSaysWhoChangedIt() throws Exception {
        browser.signIn("manager");
        browser.open("/actions/" + LEAD1_ACTION + "/manage/reschedule");
        assertThat(browser.h1()).isEqualTo("Reschedule the action");
        browser.setValue("#f-endDate", "2014-09-30");
        browser.type("#f-reason", "Waiting for the new skips contract");
        assertThat(site.recordNote("lead1", LEAD1_ACTION, "2014-01", "Skips contract re-let (note written meanwhile)")).isEqualTo(201);
        browser.submit("#change-form");
        browser.waitFor(".error-summary");
        assertThat(browser.one(".error-summary").getText()).contains("Nothing was changed")
                .contains("Changed by lead1 at").contains("(Progress note recorded)").contains("since you opened this page");
        assertThat(browser.one("#f-endDate").getDomProperty("value")).as("what was typed stays").isEqualTo("2014-09-30");
        page("manage-stale-form");
        submit("Action rescheduled.");
        assertThat(browser.one("section[aria-labelledby=status-history]").getText()).contains("Waiting for the new skips contract");
    }

    private static void submit(String done) {
        browser.submit("#change-form");
        browser.waitFor(".notice-success");
        assertThat(browser.one(".notice-success").getText()).contains(done);
    }

    private static void page(String name) throws IOException {
        PageChecks.assertAccessible(browser, name);
        PageChecks.assertFitsPhone(browser, name);
        browser.screenshot(name + "-desktop", Browser.DESKTOP);
        browser.screenshot(name + "-phone", Browser.PHONE);
    }
}
