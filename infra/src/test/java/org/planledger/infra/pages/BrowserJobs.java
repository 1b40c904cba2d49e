package org.planledger.infra.pages;

import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.planledger.infra.ReadModels;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five jobs of the people who use the pages, written once and done in headless Chromium on each
 * set-up a subclass starts ({@link JobSite}): the embedded default with its demo users
 * ({@link ManageBrowserTest}) and the {@code postgres} profile with sign-in through an OpenID Connect
 * provider ({@link OidcJobsBrowserTest}). Each person works in a browser of their own. A plan
 * manager builds a plan from nothing to its first board meeting in pages only; a delivery lead
 * corrects a note and sees the original struck through; a scrutiny member switches to "what the
 * board knew" and sees a note written later disappear; an auditor finds who changed a rating and
 * why, and the CSV opens with "£"; a board member's open board shows a note a lead records in
 * another session without a reload, and says when it loses the feed. Each page passes the
 * automated WCAG checks and is photographed under target/screenshots/ (the site's prefix first).
 */
abstract class BrowserJobs {

    /**
     * The plan the lead's, the auditor's and the board member's jobs work on, which the site already
     * holds: an action {@code lead1} leads (and {@code lead2} does not), another of {@code lead1}'s
     * with no rating yet (its title, and the name its lead is known by on the plan), and an action
     * {@code lead2} leads under a priority of its own. Its period covers 2013 to 2016.
     */
    record JobPlan(String planId, String leadAction, String auditAction, String auditActionTitle,
                   String auditLeadName, String livePriority, String liveAction) {
    }

    abstract JobSite site();

    abstract JobPlan plan();

    @Test
    void aManagerBuildsAPlanFromNothingToABoardMeetingInPagesOnly() throws Exception {
        // The lead is a person the service knows (with single sign-on: once they have signed in), so the manager picks them.
        String lead = site().userId("lead1");
        site().as("lead1");
        Browser browser = site().as("manager");
        browser.open("/plans");
        browser.one("a[href='/manage/new-plan']").click();
        assertThat(browser.h1()).isEqualTo("Draft a plan");
        page(browser, "manage-draft-plan");
        browser.type("#f-id", "example-forms");
        browser.type("#f-partnership", "Example Borough Community Safety Partnership (fictional)");
        browser.type("#f-title", "Community Safety Plan 2024-2027");
        browser.setValue("#f-periodStart", "2024-04-01");
        browser.setValue("#f-periodEnd", "2027-03-31");
        new Select(browser.one("#f-cadence")).selectByValue("BI_MONTHLY");
        submit(browser, "Plan drafted.");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/plans/example-forms/manage");

        // A refused form: the message sits beside the field, and what was typed stays.
        browser.one("a[href$='/manage/add-priority']").click();
        browser.type("#f-leads", "Community Safety Manager");
        browser.submit("#change-form");
        browser.waitFor(".error-summary");
        assertThat(browser.one("#f-title-error").getText()).contains("Enter priority.");
        assertThat(browser.one("#f-title").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.one("#f-leads").getDomProperty("value")).isEqualTo("Community Safety Manager");
        page(browser, "manage-refused-priority");
        browser.type("#f-id", "asb");
        browser.type("#f-title", "Anti-social behaviour");
        submit(browser, "Priority added.");

        browser.one("a[href$='/manage/add-objective?priorityId=asb']").click();
        assertThat(new Select(browser.one("#f-priorityId")).getFirstSelectedOption().getText()).isEqualTo("Anti-social behaviour");
        browser.type("#f-id", "asb-1");
        browser.type("#f-title", "Reduce repeat anti-social behaviour");
        submit(browser, "Objective added.");

        browser.one("a[href$='/manage/add-action?objectiveId=asb-1']").click();
        browser.type("#f-id", "example-forms-patrols");
        browser.type("#f-title", "Weekend patrols in the town centre");
        new Select(browser.one("#f-leads-0-userId")).selectByValue(lead);
        browser.type("#f-leads-0-name", "Jo Smith");
        browser.type("#f-leads-0-organisation", "Example Borough Council");
        browser.setValue("#f-startDate", "2024-04-01");
        browser.setValue("#f-endDate", "2025-03-31");
        page(browser, "manage-add-action");
        submit(browser, "Action added.");

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
        submit(browser, "Indicator defined.");

        browser.one("a[href$='/manage/reading?indicatorId=asb-incidents']").click();
        browser.type("#f-value", "1,020");
        browser.type("#f-period", "2024/25 Q1");
        submit(browser, "Reading recorded.");

        browser.one("a[href$='/manage/board-meeting']").click();
        browser.setValue("#f-heldOn", "2024-06-20");
        browser.type("#f-title", "CSP Board");
        submit(browser, "Board meeting recorded.");
        assertThat(browser.text()).contains("20 Jun 2024 — CSP Board").contains("Weekend patrols in the town centre")
                .contains("Jo Smith (" + lead + ")").contains("latest 1020, 2024/25 Q1");
        page(browser, "manage-plan");

        browser.open("/plans/example-forms");
        assertThat(browser.one("#action-example-forms-patrols").getText()).contains("Weekend patrols");
        browser.open("/actions/example-forms-patrols");
        assertThat(browser.text()).contains("Jo Smith (Example Borough Council) — signs in as " + lead);
    }

    @Test
    void aLeadCorrectsANoteAndSeesTheOriginalStruckThrough() throws Exception {
        String action = plan().leadAction();
        Browser browser = site().as("lead1");
        browser.open("/plans");
        assertThat(browser.all("section[aria-labelledby=my-actions] a[href='/actions/" + action + "']")).as("among the actions they lead").hasSize(1);
        assertThat(browser.one("section[aria-labelledby=my-actions] thead").getText()).contains("RAG").contains("Last note");
        browser.open("/actions/" + action + "/record");
        assertThat(browser.one("section[aria-labelledby=stands-title]").getText()).contains("Where the action stands");
        browser.type("#progress-period", "2013-10");
        browser.type("#progress-text", "Week of action in Avondale Grange: 12 skips filled");
        browser.submit("#progress-form");
        browser.waitFor(".notice-success");

        // A rating that speaks for the end of the quarter, like a note's period.
        browser.open("/actions/" + action + "/record");
        browser.one("#rag-amber").click();
        browser.type("#rag-reason", "Skips booked late");
        browser.setValue("#rag-effectiveOn", "2013-09-30");
        browser.submit("#rag-form");
        browser.waitFor(".notice-success");
        assertThat(browser.one("section[aria-labelledby=rag-history]").getText()).contains("30 Sept 2013")
                .contains("Skips booked late");

        WebElement note = noteWith(browser, "12 skips filled");
        note.findElement(By.partialLinkText("Correct")).click();
        assertThat(browser.h1()).isEqualTo("Correct a progress note");
        assertThat(browser.text()).contains("The note as it stands").contains("12 skips filled");
        browser.type("#f-text", "Week of action in Avondale Grange: 14 skips filled");
        browser.type("#f-reason", "Two more skips were counted on the Monday");
        page(browser, "manage-correct-note");
        submit(browser, "Note corrected");
        note = noteWith(browser, "14 skips filled");
        assertThat(note.findElement(By.cssSelector("del")).getText()).contains("12 skips filled");
        assertThat(note.getText()).contains("Corrected by " + site().userId("lead1")).contains("Two more skips were counted");
        screenshot(browser, "action-corrected-note-desktop");

        Browser other = site().as("lead2");
        other.open("/actions/" + action);
        assertThat(other.text()).contains("14 skips filled");
        assertThat(other.all("a[href*='/manage/correct-note']")).as("lead2 does not lead this action").isEmpty();
    }

    @Test
    void scrutinyTogglesWhatTheBoardKnewAndSeesALaterNoteDisappear() throws Exception {
        // The ledger learns of things as time passes: the event clock stands at each moment in turn.
        String plan = "forms-scrutiny";
        String lead = site().userId("lead1");
        try {
            at("2024-05-20T10:00:00Z");
            api("POST", "/api/plans", "manager", "{\"id\":\"" + plan + "\",\"partnership\":\"Example Borough CSP (fictional)\","
                    + "\"title\":\"Scrutiny plan\",\"periodStart\":\"2024-04-01\",\"periodEnd\":\"2027-03-31\",\"cadence\":\"QUARTERLY\"}");
            api("POST", "/api/plans/" + plan + "/priorities", "manager", "{\"id\":\"v\",\"title\":\"Violence\"}");
            api("POST", "/api/plans/" + plan + "/objectives", "manager", "{\"id\":\"v-1\",\"priorityId\":\"v\",\"title\":\"Night-time economy\"}");
            api("POST", "/api/plans/" + plan + "/actions", "manager", "{\"id\":\"forms-scrutiny-cctv\",\"objectiveId\":\"v-1\","
                    + "\"title\":\"CCTV bid\",\"leads\":[{\"name\":\"Jo Smith\",\"userId\":\"" + lead + "\"}],\"startDate\":\"2024-04-01\"}");
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
        ReadModels.awaitCaughtUp(site().application, Duration.ofSeconds(30));

        Browser browser = site().as("scrutiny");
        browser.open("/plans/" + plan + "/replay?asAt=2024-06-30");
        WebElement card = browser.one("#action-forms-scrutiny-cctv");
        assertThat(card.getText()).contains("Bid successful").contains("Recorded later, on 10 Sept 2024");
        browser.one("#known").click();
        browser.submit("form[action$='/replay']");
        browser.waitUntil(d -> d.getCurrentUrl().contains("known=true"));
        card = browser.one("#action-forms-scrutiny-cctv");
        assertThat(card.getText()).contains("Bid submitted to the PCC").doesNotContain("Bid successful");
        assertThat(browser.text()).contains("as the board knew it then");
        page(browser, "replay-what-the-board-knew");

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
        page(browser, "compare-meeting-to-meeting");
    }

    /**
     * An auditor's job: who changed a rating, from what to what, and why; then the same entries in
     * a CSV that Excel opens with "£" intact (a UTF-8 byte order mark before Commons CSV's records).
     */
    @Test
    void anAuditorFindsWhoChangedARatingAndWhyAndTheCsvKeepsThePoundSign() throws Exception {
        String action = plan().auditAction();
        String lead = site().userId("lead1");
        String reason = "Volunteer numbers fell over the summer (audit browser test)";
        Browser leadsBrowser = site().as("lead1");
        leadsBrowser.open("/actions/" + action + "/record");
        leadsBrowser.one("#rag-amber").click();
        leadsBrowser.type("#rag-reason", reason);
        leadsBrowser.submit("#rag-form");
        leadsBrowser.waitFor(".notice-success");
        leadsBrowser.open("/actions/" + action + "/record");
        leadsBrowser.type("#spend-amount", "250.50");
        leadsBrowser.type("#spend-description", "Leaflets for the witness scheme");
        leadsBrowser.submit("#spend-form");
        leadsBrowser.waitFor(".notice-success");

        Browser browser = site().as("auditor");
        browser.open("/audit");
        assertThat(browser.all("#a-kind option")).extracting(WebElement::getText)
                .contains("RAG rating", "Progress note", "Funding or spend").doesNotContain("RagAssessed", "Rag assessed");
        String leadName = plan().auditLeadName(); // the action's lead as the plan names them, recorded with their user id
        browser.type("#a-who", leadName);
        new Select(browser.one("#a-kind")).selectByVisibleText("RAG rating");
        browser.submit("form.filters");
        browser.waitUntil(d -> d.getCurrentUrl().contains("kind=rag"));
        assertThat(browser.one(".people-matched").getText()).contains(lead).contains(leadName);
        WebElement entry = browser.all(".audit-entry").get(0);
        assertThat(entry.findElement(By.cssSelector(".change-label")).getText()).isEqualTo("RAG rating given");
        assertThat(entry.findElement(By.cssSelector(".actor")).getText()).isEqualTo(lead);
        assertThat(entry.findElement(By.cssSelector(".subject a")).getText()).isEqualTo(plan().auditActionTitle());
        assertThat(entry.findElement(By.cssSelector(".subject a")).getDomAttribute("title")).isEqualTo("id " + action);
        assertThat(entry.findElement(By.cssSelector(".reason")).getText()).isEqualTo(reason);
        WebElement change = entry.findElement(By.cssSelector(".field-changes li"));
        assertThat(change.findElement(By.tagName("strong")).getText()).isEqualTo("RAG rating");
        assertThat(change.findElement(By.tagName("del")).getDomProperty("textContent")).isEqualTo("from Not rated");
        assertThat(change.findElement(By.tagName("ins")).getDomProperty("textContent")).isEqualTo("to Amber");
        PageChecks.assertAccessible(browser, "audit, who changed a rating");
        screenshot(browser, "audit-who-changed-a-rating-desktop");

        // the whole action's trail as CSV: the spend in pounds, the BOM first
        browser.open("/audit?aggregateId=" + action);
        int matching = Integer.parseInt(browser.one(".result-count span").getText());
        browser.one("#csv-link").click();
        Path csv = awaitDownload(browser);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = AuditPages.CSV.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(rows).hasSize(matching).allSatisfy(row -> {
            assertThat(row.get("subject_id")).isEqualTo(action);
            assertThat(Instant.parse(row.get("recorded_at"))).isNotNull();
        });
        CSVRecord spend = rows.stream().filter(r -> r.get("event_type").equals("SpendRecorded")).findFirst().orElseThrow();
        assertThat(spend.get("change")).isEqualTo("Spend recorded");
        assertThat(spend.get("changes")).contains("£250.50");
        CSVRecord rating = rows.stream().filter(r -> r.get("event_type").equals("RagAssessed")).findFirst().orElseThrow();
        assertThat(rating.get("changes")).isEqualTo("RAG rating: Not rated -> Amber");
        assertThat(rating.get("reason")).isEqualTo(reason);
        assertThat(rating.get("actor")).isEqualTo(lead);
        assertThat(rating.get("subject_title")).isEqualTo(plan().auditActionTitle());

        browser.open("/audit?from=31-12-2012");
        assertThat(browser.one("#a-from-error").getText()).isNotBlank();
    }

    /**
     * A board member keeps the board open; a lead records a note in their own session (the record
     * form in another browser) and it appears without a reload. When the feed is lost the page says
     * so, and when it returns the page catches up with what was recorded meanwhile (through the API).
     */
    @Test
    void anOpenBoardPageShowsNotesRecordedElsewhereLiveAndSaysWhenItLosesTheFeed() throws Exception {
        String action = plan().liveAction();
        Browser lead = site().as("lead2");
        Browser browser = site().as("board");
        browser.open("/plans/" + plan().planId() + "?priority=" + plan().livePriority());
        browser.waitUntil(d -> browser.one("#live-status").getText().startsWith("Live:"));
        browser.script("document.body.dataset.sameDocument = 'yes';");
        String card = "#action-" + action + " .latest-note";

        String first = "CCTV at Market Place replaced (live board test)";
        lead.open("/actions/" + action + "/record");
        lead.type("#progress-period", "2016-03");
        lead.type("#progress-text", first);
        lead.submit("#progress-form");
        lead.waitFor(".notice-success");
        browser.waitUntil(d -> browser.one(card).getText().contains(first));
        assertThat(browser.one("#live-status").getText()).contains("updated at");
        assertThat(browser.script("return document.body.dataset.sameDocument;")).as("no reload").isEqualTo("yes");
        screenshot(browser, "board-live-update-desktop");

        site().application.getBean(LiveBoardEvents.class).endStreams();
        browser.waitUntil(d -> browser.one("#live-status").getText().startsWith("Connection lost"));
        String second = "Second camera added at the bus station (recorded while the feed was down)";
        assertThat(site().api("POST", "/api/actions/" + action + "/progress", "lead2",
                "{\"period\": \"2016-03\", \"text\": \"" + second + "\"}").statusCode()).isEqualTo(201);
        browser.waitUntil(d -> browser.one(card).getText().contains(second));
        browser.waitUntil(d -> browser.one("#live-status").getText().startsWith("Live"));
        assertThat(browser.script("return document.body.dataset.sameDocument;")).as("no reload").isEqualTo("yes");
    }

    private static void at(String instant) {
        GenericEventMessage.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** An API call that must succeed. */
    void api(String method, String path, String person, String json) throws Exception {
        HttpResponse<String> response = site().api(method, path, person, json);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    }

    static void submit(Browser browser, String done) {
        browser.submit("#change-form");
        browser.waitFor(".notice-success");
        assertThat(browser.one(".notice-success").getText()).contains(done);
    }

    private static WebElement noteWith(Browser browser, String text) {
        return browser.all(".timeline .note").stream().filter(n -> n.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no note with '" + text + "' in " + browser.text()));
    }

    void screenshot(Browser browser, String name) throws IOException {
        browser.screenshot(site().screenshotPrefix() + name, Browser.DESKTOP);
    }

    /** A page of a job: automated WCAG checks, phone width, and a screenshot at desktop and phone width. */
    void page(Browser browser, String name) throws IOException {
        PageChecks.assertAccessible(browser, name);
        PageChecks.assertFitsPhone(browser, name);
        browser.screenshot(site().screenshotPrefix() + name + "-desktop", Browser.DESKTOP);
        browser.screenshot(site().screenshotPrefix() + name + "-phone", Browser.PHONE);
    }

    private static Path awaitDownload(Browser browser) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                List<Path> done = files.filter(f -> f.toString().endsWith(".csv")).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no CSV arrived in " + browser.downloads);
    }
}
