package org.planledger.infra.pages;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.planledger.infra.ReadModels;
import org.planledger.infra.SlowLane;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One job per role, done in headless Chromium against the whole application (one start, with the
 * Kettering demo plan): a plan manager builds a plan from nothing to its first board meeting in
 * pages only; a delivery lead corrects a note and sees the original struck through; a scrutiny
 * member switches to "what the board knew" and sees a note written later disappear. Each page
 * passes the automated WCAG checks and is photographed under target/screenshots/.
 */
@SlowLane
class ManageBrowserTest {

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

    @AfterAll
    static void stop() {
        GenericEventMessage.clock = Clock.systemUTC();
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aManagerBuildsAPlanFromNothingToABoardMeetingInPagesOnly() throws Exception {
        browser.signIn("manager");
        browser.one("a[href='/manage/new-plan']").click();
        assertThat(browser.h1()).isEqualTo("Draft a plan");
        page("manage-draft-plan");
        browser.type("#f-id", "example-forms");
        browser.type("#f-partnership", "Example Borough Community Safety Partnership (fictional)");
        browser.type("#f-title", "Community Safety Plan 2024-2027");
        browser.setValue("#f-periodStart", "2024-04-01");
        browser.setValue("#f-periodEnd", "2027-03-31");
        new Select(browser.one("#f-cadence")).selectByValue("BI_MONTHLY");
        submit("Plan drafted.");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/plans/example-forms/manage");

        // A refused form: the message sits beside the field, and what was typed stays.
        browser.one("a[href$='/manage/add-priority']").click();
        browser.type("#f-leads", "Community Safety Manager");
        browser.submit("#change-form");
        browser.waitFor(".error-summary");
        assertThat(browser.one("#f-title-error").getText()).contains("Enter priority.");
        assertThat(browser.one("#f-title").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.one("#f-leads").getDomProperty("value")).isEqualTo("Community Safety Manager");
        page("manage-refused-priority");
        browser.type("#f-id", "asb");
        browser.type("#f-title", "Anti-social behaviour");
        submit("Priority added.");

        browser.one("a[href$='/manage/add-objective?priorityId=asb']").click();
        assertThat(new Select(browser.one("#f-priorityId")).getFirstSelectedOption().getText()).isEqualTo("Anti-social behaviour");
        browser.type("#f-id", "asb-1");
        browser.type("#f-title", "Reduce repeat anti-social behaviour");
        submit("Objective added.");

        browser.one("a[href$='/manage/add-action?objectiveId=asb-1']").click();
        browser.type("#f-id", "example-forms-patrols");
        browser.type("#f-title", "Weekend patrols in the town centre");
        new Select(browser.one("#f-leads-0-userId")).selectByValue("lead1");
        browser.type("#f-leads-0-name", "Jo Smith");
        browser.type("#f-leads-0-organisation", "Example Borough Council");
        browser.setValue("#f-startDate", "2024-04-01");
        browser.setValue("#f-endDate", "2025-03-31");
        page("manage-add-action");
        submit("Action added.");

        browser.one("a[href$='/manage/define-indicator?objectiveId=asb-1']").click();
        browser.type("#f-id", "asb-incidents");
        browser.type("#f-name", "Anti-social behaviour incidents");
        new Select(browser.one("#f-unit")).selectByValue("COUNT");
        new Select(browser.one("#f-direction")).selectByValue("REDUCE");
        browser.type("#f-baseline-value", "4210");
        browser.type("#f-baseline-period", "2023/24");
        new Select(browser.one("#f-target-kind")).selectByValue("PERCENT_CHANGE");
        browser.type("#f-target-value", "5");
        browser.type("#f-target-text", "5% reduction");
        submit("Indicator defined.");

        browser.one("a[href$='/manage/reading?indicatorId=asb-incidents']").click();
        browser.type("#f-value", "1,020");
        browser.type("#f-period", "2024/25 Q1");
        submit("Reading recorded.");

        browser.one("a[href$='/manage/board-meeting']").click();
        browser.setValue("#f-heldOn", "2024-06-20");
        browser.type("#f-title", "CSP Board");
        submit("Board meeting recorded.");
        assertThat(browser.text()).contains("20 Jun 2024 — CSP Board").contains("Weekend patrols in the town centre")
                .contains("Jo Smith (lead1)").contains("latest 1020, 2024/25 Q1");
        page("manage-plan");

        browser.open("/plans/example-forms");
        assertThat(browser.one("#action-example-forms-patrols").getText()).contains("Weekend patrols");
        browser.open("/actions/example-forms-patrols");
        assertThat(browser.text()).contains("Jo Smith (Example Borough Council) — signs in as lead1");
    }

    @Test
    void aLeadCorrectsANoteAndSeesTheOriginalStruckThrough() throws Exception {
        browser.signIn("lead1");
        assertThat(browser.one("section[aria-labelledby=my-actions] thead").getText()).contains("RAG").contains("Last note");
        browser.open("/actions/" + LEAD1_ACTION + "/record");
        assertThat(browser.one("section[aria-labelledby=stands-title]").getText()).contains("Where the action stands");
        browser.type("#progress-period", "2013-10");
        browser.type("#progress-text", "Week of action in Avondale Grange: 12 skips filled");
        browser.submit("#progress-form");
        browser.waitFor(".notice-success");

        // A rating that speaks for the end of the quarter, like a note's period.
        browser.open("/actions/" + LEAD1_ACTION + "/record");
        browser.one("#rag-amber").click();
        browser.type("#rag-reason", "Skips booked late");
        browser.setValue("#rag-effectiveOn", "2013-09-30");
        browser.submit("#rag-form");
        browser.waitFor(".notice-success");
        assertThat(browser.one("section[aria-labelledby=rag-history]").getText()).contains("30 Sept 2013")
                .contains("Skips booked late");

        WebElement note = noteWith("12 skips filled");
        note.findElement(By.partialLinkText("Correct")).click();
        assertThat(browser.h1()).isEqualTo("Correct a progress note");
        assertThat(browser.text()).contains("The note as it stands").contains("12 skips filled");
        browser.type("#f-text", "Week of action in Avondale Grange: 14 skips filled");
        browser.type("#f-reason", "Two more skips were counted on the Monday");
        page("manage-correct-note");
        submit("Note corrected");
        note = noteWith("14 skips filled");
        assertThat(note.findElement(By.cssSelector("del")).getText()).contains("12 skips filled");
        assertThat(note.getText()).contains("Corrected by lead1").contains("Two more skips were counted");
        browser.screenshot("action-corrected-note-desktop", Browser.DESKTOP);

        browser.signIn("lead2");
        browser.open("/actions/" + LEAD1_ACTION);
        assertThat(browser.all("a[href*='/manage/correct-note']")).as("lead2 does not lead this action").isEmpty();
    }

    @Test
    void scrutinyTogglesWhatTheBoardKnewAndSeesALaterNoteDisappear() throws Exception {
        // The ledger learns of things as time passes: the event clock stands at each moment in turn.
        String plan = "forms-scrutiny";
        try {
            at("2024-05-20T10:00:00Z");
            api("POST", "/api/plans", "manager", "{\"id\":\"" + plan + "\",\"partnership\":\"Example Borough CSP (fictional)\","
                    + "\"title\":\"Scrutiny plan\",\"periodStart\":\"2024-04-01\",\"periodEnd\":\"2027-03-31\",\"cadence\":\"QUARTERLY\"}");
            api("POST", "/api/plans/" + plan + "/priorities", "manager", "{\"id\":\"v\",\"title\":\"Violence\"}");
            api("POST", "/api/plans/" + plan + "/objectives", "manager", "{\"id\":\"v-1\",\"priorityId\":\"v\",\"title\":\"Night-time economy\"}");
            api("POST", "/api/plans/" + plan + "/actions", "manager", "{\"id\":\"forms-scrutiny-cctv\",\"objectiveId\":\"v-1\","
                    + "\"title\":\"CCTV bid\",\"leads\":[{\"name\":\"Jo Smith\",\"userId\":\"lead1\"}],\"startDate\":\"2024-04-01\"}");
            api("POST", "/api/actions/forms-scrutiny-cctv/progress", "lead1", "{\"period\":\"2024-05\",\"text\":\"Bid submitted to the PCC\"}");
            at("2024-06-27T18:00:00Z");
            api("POST", "/api/plans/" + plan + "/board-meetings", "manager", "{\"id\":\"m1\",\"heldOn\":\"2024-06-27\",\"title\":\"June board\"}");
            at("2024-09-10T10:00:00Z");
            api("POST", "/api/actions/forms-scrutiny-cctv/progress", "lead1", "{\"period\":\"2024-06\",\"text\":\"Bid successful, £17.7k awarded\"}");
            at("2024-09-26T18:00:00Z");
            api("POST", "/api/plans/" + plan + "/board-meetings", "manager", "{\"id\":\"m2\",\"heldOn\":\"2024-09-26\",\"title\":\"September board\"}");
        } finally {
            GenericEventMessage.clock = Clock.systemUTC();
        }
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(30));

        browser.signIn("scrutiny");
        browser.open("/plans/" + plan + "/replay?asAt=2024-06-30");
        WebElement card = browser.one("#action-forms-scrutiny-cctv");
        assertThat(card.getText()).contains("Bid successful").contains("Recorded later, on 10 Sept 2024");
        browser.one("#known").click();
        browser.submit("form[action$='/replay']");
        browser.waitUntil(d -> d.getCurrentUrl().contains("known=true"));
        card = browser.one("#action-forms-scrutiny-cctv");
        assertThat(card.getText()).contains("Bid submitted to the PCC").doesNotContain("Bid successful");
        assertThat(browser.text()).contains("as the board knew it then");
        page("replay-what-the-board-knew");

        // Meeting by meeting: the next board meeting, and what changed since the one before.
        browser.one("a[rel=next]").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("asAt=2024-09-26"));
        assertThat(browser.one("#action-forms-scrutiny-cctv").getText()).contains("Bid successful");
        browser.one("a[href*='/compare'][href*='from=2024-06-27']").click();
        assertThat(browser.text()).contains("Bid successful, £17.7k awarded").doesNotContain("Bid submitted to the PCC");

        browser.open("/plans/" + plan + "/compare?meeting=2024-09-26");
        assertThat(browser.text()).contains("What changed between the board meeting before and the meeting of 26 Sept 2024")
                .contains("Bid successful");
        assertThat(browser.one("a[rel=prev]").getText()).contains("27 Jun 2024");
        page("compare-meeting-to-meeting");
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

    private static void at(String instant) {
        GenericEventMessage.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static void api(String method, String path, String user, String json) throws Exception {
        HttpResponse<String> response = site.api(method, path, user, json);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    }

    private static void submit(String done) {
        browser.submit("#change-form");
        browser.waitFor(".notice-success");
        assertThat(browser.one(".notice-success").getText()).contains(done);
    }

    private static WebElement noteWith(String text) {
        return browser.all(".timeline .note").stream().filter(n -> n.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no note with '" + text + "' in " + browser.text()));
    }

    private static void page(String name) throws IOException {
        PageChecks.assertAccessible(browser, name);
        PageChecks.assertFitsPhone(browser, name);
        browser.screenshot(name + "-desktop", Browser.DESKTOP);
        browser.screenshot(name + "-phone", Browser.PHONE);
    }
}
