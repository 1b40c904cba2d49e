package org.planledger.infra.pages;

import org.planledger.infra.SlowLane;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real headless Chromium against the whole application on the embedded runtime,
 * started once with the Kettering demo plan. Each page is also checked for the automatable parts
 * of WCAG 2.1 AA and photographed at desktop and phone width under target/screenshots/.
 */
@SlowLane
class BrowserPagesTest {

    static final String PLAN = "kettering-csp-2013-2016";
    /** Led by lead1 (first priority), not by lead2. */
    static final String LEAD1_ACTION = "asb-cleaner-weeks-of-action";
    /** Led by lead2 (second priority). */
    static final String LEAD2_ACTION = "violence-nte-cctv";
    static final String SUBJECT_REF = "KT-BROWSER-041";

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
        if (site != null) {
            site.close();
        }
    }

    @Test
    void eachRoleSeesWhatItMayAndNothingElse() throws Exception {
        // lead1 records a referral case with a subject reference on an action they lead.
        browser.signIn("lead1");
        assertThat(browser.text()).contains("Actions you lead").doesNotContain("Audit trail");
        browser.open("/actions/" + LEAD1_ACTION);
        assertThat(browser.all("a[href$='/record']")).hasSize(1);
        browser.open("/actions/" + LEAD1_ACTION + "/record");
        browser.setValue("#referral-receivedOn", "2013-07-02");
        browser.type("#referral-referringAgency", "Northamptonshire Police");
        browser.type("#referral-subjectRef", SUBJECT_REF);
        browser.submit("#referral-form");
        browser.waitFor(".notice-success");
        assertThat(browser.text()).contains("Referral recorded.").contains(SUBJECT_REF);
        assertThat(browser.all("#cases ~ .table-wrap th, section[aria-labelledby=cases] th"))
                .anyMatch(th -> th.getDomProperty("textContent").contains("Subject reference"));
        // ... but may not record on an action led by someone else, nor read the audit trail.
        browser.open("/actions/" + LEAD2_ACTION);
        assertThat(browser.all("a[href$='/record']")).isEmpty();
        browser.open("/actions/" + LEAD2_ACTION + "/record");
        assertThat(browser.h1()).isEqualTo("Not allowed");
        assertThat(browser.text()).contains("You do not lead the action");
        browser.open("/audit");
        assertThat(browser.h1()).isEqualTo("Not allowed");

        browser.signIn("lead2");
        browser.open("/actions/" + LEAD2_ACTION);
        assertThat(browser.all("a[href$='/record']")).hasSize(1);
        browser.open("/actions/" + LEAD1_ACTION);
        assertThat(browser.all("a[href$='/record']")).isEmpty();
        assertThat(browser.text()).contains(SUBJECT_REF);
        browser.open("/actions/" + LEAD1_ACTION + "/record");
        assertThat(browser.h1()).isEqualTo("Not allowed");

        browser.signIn("manager");
        assertThat(browser.one("nav[aria-label=Main]").getText()).contains("Audit trail");
        browser.open("/actions/" + LEAD2_ACTION);
        assertThat(browser.all("a[href$='/record']")).hasSize(1);
        browser.open("/actions/" + LEAD1_ACTION);
        assertThat(browser.text()).contains(SUBJECT_REF);

        browser.signIn("auditor");
        assertThat(browser.one("nav[aria-label=Main]").getText()).contains("Audit trail");
        assertThat(browser.text()).doesNotContain("Actions you lead");
        browser.open("/actions/" + LEAD1_ACTION);
        assertThat(browser.all("a[href$='/record']")).isEmpty();
        assertThat(browser.text()).contains(SUBJECT_REF);
        browser.open("/actions/" + LEAD1_ACTION + "/record");
        assertThat(browser.h1()).isEqualTo("Not allowed");
        browser.open("/audit?aggregateId=" + LEAD1_ACTION);
        assertThat(browser.h1()).isEqualTo("Audit trail");

        for (String reader : List.of("board", "scrutiny")) {
            browser.signIn(reader);
            assertThat(browser.text()).doesNotContain("Audit trail").doesNotContain("Actions you lead");
            browser.open("/plans/" + PLAN);
            assertThat(browser.all(".action-card").size()).isGreaterThan(20);
            browser.open("/actions/" + LEAD1_ACTION);
            assertThat(browser.all("a[href$='/record']")).as(reader).isEmpty();
            assertThat(browser.text()).as(reader).contains("Referral cases").contains("Northamptonshire Police")
                    .doesNotContain("Subject reference");
            assertThat(browser.driver.getPageSource()).as(reader).doesNotContain(SUBJECT_REF);
            browser.open("/plans/" + PLAN + "/compare?from=2013-07-01&to=2013-07-31");
            assertThat(browser.text()).as(reader).contains("Referral");
            assertThat(browser.driver.getPageSource()).as(reader).doesNotContain(SUBJECT_REF);
            browser.open("/actions/" + LEAD1_ACTION + "/record");
            assertThat(browser.h1()).as(reader).isEqualTo("Not allowed");
            browser.open("/audit");
            assertThat(browser.h1()).as(reader).isEqualTo("Not allowed");
            browser.open("/audit.csv");
            assertThat(browser.h1()).as(reader).isEqualTo("Not allowed");
        }
        browser.signOut();
        assertThat(browser.text()).contains("You have signed out.");
        browser.open("/plans");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aLeadRecordsANoteAndSeesItOnTheBoardView() throws Exception {
        browser.signIn("lead1");
        browser.open("/actions/" + LEAD1_ACTION + "/record");
        String note = "Street a Week extended to Rockingham Road (browser test)";
        browser.type("#progress-text", note + "\nSecond line stays on the action page.");
        browser.submit("#progress-form");
        browser.waitFor(".notice-success");
        assertThat(browser.text()).contains("Progress note recorded.").contains(note);

        browser.open("/plans/" + PLAN + "?lead=" + java.net.URLEncoder.encode(firstLeadName(), StandardCharsets.UTF_8));
        WebElement card = browser.one("#action-" + LEAD1_ACTION);
        assertThat(card.getText()).contains(note).doesNotContain("Second line");
        browser.screenshot("board-after-lead-note-desktop", Browser.DESKTOP);
    }

    @Test
    void aRefusedFormShowsItsMessageBesideTheFieldAndStoresNothing() throws Exception {
        browser.signIn("lead1");
        long before = eventsOf(LEAD1_ACTION);

        browser.open("/actions/" + LEAD1_ACTION + "/record");
        browser.one("#rag-red").click();
        browser.submit("#rag-form");
        browser.waitFor(".error-summary");
        assertThat(browser.text()).contains("Nothing was recorded");
        assertThat(browser.one("#rag-reason-error").getText()).containsIgnoringCase("reason");
        assertThat(browser.one("#rag-reason").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.one("#rag-reason").getDomAttribute("aria-describedby")).contains("rag-reason-error");
        assertThat(browser.one("#rag-red").isSelected()).as("the choice is kept").isTrue();
        PageChecks.assertAccessible(browser, "refused RAG form");
        browser.screenshot("record-refused-rag-desktop", Browser.DESKTOP);
        browser.screenshot("record-refused-rag-phone", Browser.PHONE);

        browser.type("#progress-period", "June 2013");
        browser.type("#progress-text", "A note with a period the ledger cannot read");
        browser.submit("#progress-form");
        browser.waitFor("#progress-period-error");
        assertThat(browser.one("#progress-period-error").getText()).isNotBlank();
        assertThat(browser.one("#progress-text").getDomProperty("value")).contains("cannot read");

        browser.type("#spend-amount", "lots");
        browser.type("#spend-description", "Paint");
        browser.submit("#spend-form");
        browser.waitFor("#spend-amount-error");
        assertThat(browser.one("#spend-amount-error").getText()).contains("amount in pounds");

        assertThat(eventsOf(LEAD1_ACTION)).as("events of the action after three refused forms").isEqualTo(before);
    }

    @Test
    void replayOfKetteringAtTheEndOf2012ShowsDecemberNotesAndNothingFromJune2013() throws Exception {
        browser.signIn("scrutiny");
        browser.open("/plans/" + PLAN + "/replay");
        browser.setValue("#asAt", "2012-12-31");
        browser.submit("form[action$='/replay']");
        browser.waitUntil(d -> d.getCurrentUrl().contains("asAt=2012-12-31"));

        assertThat(browser.one("#as-then").getText()).isEqualTo("As it stood on 31 Dec 2012");
        assertThat(browser.one("#action-" + LEAD1_ACTION + " .latest-note").getText()).startsWith("December 2012");
        assertThat(browser.one("#action-violence-nte-body-worn-video .latest-note").getText()).startsWith("December 2012");
        List<String> periods = browser.all(".replay-board .latest-note strong").stream().map(WebElement::getText).toList();
        assertThat(periods).isNotEmpty().noneMatch(period -> period.contains("2013"));
        assertThat(browser.one(".replay-board").getText()).doesNotContain("June 2013");
        PageChecks.assertAccessible(browser, "replay");
        browser.screenshot("replay-2012-12-31-desktop", Browser.DESKTOP);
        browser.screenshot("replay-2012-12-31-phone", Browser.PHONE);

        // Step on one reporting cycle (bi-monthly) with the keyboard: focus the link and press Enter.
        WebElement later = browser.driver.findElement(org.openqa.selenium.By.partialLinkText("months later"));
        later.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> d.getCurrentUrl().contains("asAt=2013-02-28"));
        assertThat(browser.one("#as-then").getText()).isEqualTo("As it stood on 28 Feb 2013");

        browser.open("/plans/" + PLAN + "/compare?from=2012-12-31&to=2013-06-30");
        assertThat(browser.all(".change-added").size()).isGreaterThan(5);
        assertThat(browser.text()).contains("Note added").contains("June 2013".substring(0, 4));
        assertThat(browser.all(".change-added ins")).isNotEmpty();
        PageChecks.assertAccessible(browser, "compare");
    }

    /**
     * The action page is live the same way (the plan's feed, the board's script): a note and a rating
     * recorded elsewhere appear without a reload; when the feed is lost the page says so, and catches up.
     */
    @Test
    void anOpenActionPageShowsNotesAndRatingsRecordedElsewhereLive() throws Exception {
        browser.signIn("board");
        browser.open("/actions/" + LEAD2_ACTION);
        browser.waitUntil(d -> browser.one("#live-status").getText().startsWith("Live:"));
        browser.script("document.body.dataset.sameDocument = 'yes';");

        String note = "Two more cameras commissioned (live action page test)";
        assertThat(recordNote("lead2", LEAD2_ACTION, "2016-02", note)).isEqualTo(201);
        browser.waitUntil(d -> browser.one("#action-results").getText().contains(note));
        assertThat(site.api("PUT", "/api/actions/" + LEAD2_ACTION + "/rag", "lead2",
                "{\"status\": \"RED\", \"reason\": \"Camera supplier gone into administration\"}").statusCode()).isEqualTo(200);
        browser.waitUntil(d -> browser.one("section[aria-labelledby=rag-history]").getText()
                .contains("Camera supplier gone into administration"));
        assertThat(browser.one("#live-status").getText()).contains("updated at");
        assertThat(browser.script("return document.body.dataset.sameDocument;")).as("no reload").isEqualTo("yes");
        browser.screenshot("action-live-update-desktop", Browser.DESKTOP);

        application.getBean(LiveBoardEvents.class).endStreams();
        browser.waitUntil(d -> browser.one("#live-status").getText().startsWith("Connection lost"));
        String later = "Replacement supplier found (recorded while the feed was down)";
        assertThat(recordNote("lead2", LEAD2_ACTION, "2016-02", later)).isEqualTo(201);
        browser.waitUntil(d -> browser.one("#action-results").getText().contains(later));
        assertThat(browser.one("#live-status").getText()).startsWith("Live");
        assertThat(browser.script("return document.body.dataset.sameDocument;")).as("no reload").isEqualTo("yes");
    }

    /**
     * The board reads at a glance and prints: badges whole at phone width, card edges in RAG colours,
     * folded priorities, the flags explained, and on paper (A4) no navigation or filters, colours kept.
     */
    @Test
    void theBoardFoldsExplainsItsFlagsAndPrintsCleanly() throws Exception {
        browser.signIn("board");
        browser.open("/plans/" + PLAN);
        assertThat(browser.one("#board-terms").getText()).contains("Overdue").contains("Stale").contains("Next update due");
        List<WebElement> folds = browser.all("details.priority-fold");
        assertThat(folds).hasSizeGreaterThan(1).noneMatch(fold -> fold.getDomAttribute("open") != null);
        folds.get(0).findElement(org.openqa.selenium.By.tagName("summary")).click();
        assertThat(folds.get(0).getDomProperty("open")).isEqualTo("true");

        browser.driver.manage().window().setSize(Browser.PHONE);
        Object squeezed = browser.script("return Array.from(document.querySelectorAll('.rag'))"
                + ".filter(b => b.getClientRects().length > 0 && b.scrollWidth > b.clientWidth + 1).map(b => b.textContent);");
        assertThat((List<?>) squeezed).as("RAG badges cut short").isEmpty();
        browser.driver.manage().window().setSize(Browser.DESKTOP);
        String edge = (String) browser.script("return getComputedStyle(document.querySelector('.card-rag-none')).borderLeftStyle;");
        assertThat(edge).isEqualTo("dashed");

        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            for (String hidden : List.of(".site-header", "form.filters", ".tabs", ".site-footer", "#live-status")) {
                assertThat(browser.script("return getComputedStyle(document.querySelector(arguments[0])).display;", hidden))
                        .as(hidden + " on paper").isEqualTo("none");
            }
            assertThat(browser.script("return getComputedStyle(document.body).printColorAdjust;")).isEqualTo("exact");
            WebElement folded = browser.all("details.priority-fold:not([open]) .action-card").get(0);
            assertThat(folded.getSize().getHeight()).as("a folded priority's cards print").isGreaterThan(0);
            browser.screenshot("board-print-a4", new org.openqa.selenium.Dimension(794, 1123));
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
        org.openqa.selenium.print.PrintOptions a4 = new org.openqa.selenium.print.PrintOptions();
        a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        String pdf = browser.driver.print(a4).getContent();
        assertThat(java.util.Base64.getDecoder().decode(pdf)).startsWith('%', 'P', 'D', 'F');
    }

    private static int recordNote(String lead, String actionId, String period, String text) throws Exception {
        return site.recordNote(lead, actionId, period, text);
    }

    /** Every page: automated WCAG checks, phone width, and a screenshot at desktop and phone width. */
    @Test
    void everyPageIsAccessibleAtDesktopAndPhoneWidth() throws Exception {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login");
        page("login");

        // Keyboard only: the skip link comes first, then the form; Enter signs in.
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
        assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle;")).isNotEqualTo("none");
        browser.one("#username").sendKeys("manager");
        keys.sendKeys(Keys.TAB).sendKeys("demo").sendKeys(Keys.ENTER).perform();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/plans"));

        page("plans");
        browser.open("/plans/" + PLAN);
        page("board");
        browser.open("/plans/" + PLAN + "?rag=NONE&lead=" + java.net.URLEncoder.encode(firstLeadName(), StandardCharsets.UTF_8));
        page("board-filtered");
        browser.open("/actions/violence-nte-decc");
        page("action");
        browser.open("/actions/" + LEAD1_ACTION + "/record");
        page("record");
        browser.open("/plans/" + PLAN + "/replay?asAt=2013-06-30");
        page("replay");
        browser.open("/plans/" + PLAN + "/compare?from=2013-01-01&to=2013-06-30");
        page("compare");
        browser.open("/plans/" + PLAN + "/charts");
        assertThat(browser.all("svg.chart")).hasSize(1);
        assertThat(browser.all("table.bar-chart").size()).isGreaterThan(10);
        // bar lengths are bar-charts.css classes (the pages allow no inline style): a baseline's bar is drawn, not empty
        assertThat(browser.one("table.bar-chart .bar-baseline").getSize().getWidth()).isGreaterThan(20);
        assertThat(browser.all("footer.site-footer")).as("the whole page, not one cut off by a template error").hasSize(1);
        page("charts");
        browser.open("/plans/" + PLAN + "/board-packs");
        assertThat(browser.one("#ledger-digest").getText()).isEqualTo("Latest ledger checkpoint");
        page("board-packs");
        browser.open("/plans/" + PLAN + "/board-pack?asAt=2013-06-30");
        assertThat(browser.h1()).isEqualTo(browser.one("#pack-title").getText());
        page("board-pack");
        browser.open("/audit?planId=" + PLAN);
        page("audit");
        browser.open("/actions/no-such-action");
        assertThat(browser.h1()).isEqualTo("Not found");
        page("not-found");

        // The board's filters work with htmx from the keyboard: choosing a RAG narrows the list in place.
        browser.open("/plans/" + PLAN);
        int all = browser.all(".action-card").size();
        new org.openqa.selenium.support.ui.Select(browser.one("#f-priority")).selectByValue("violence");
        browser.waitUntil(d -> d.getCurrentUrl().contains("priority=violence"));
        browser.waitUntil(d -> browser.all(".action-card").size() < all);
        assertThat(browser.one(".result-count").getText()).startsWith("Showing");
    }

    private static void page(String name) throws IOException {
        PageChecks.assertAccessible(browser, name);
        PageChecks.assertFitsPhone(browser, name);
        browser.screenshot(name + "-desktop", Browser.DESKTOP);
        browser.screenshot(name + "-phone", Browser.PHONE);
    }

    private static String firstLeadName() {
        browser.open("/actions/" + LEAD1_ACTION);
        String leads = browser.one(".facts dd").getText();
        return leads.split(" \\(|;| — ")[0].strip();
    }

    private static long eventsOf(String aggregateId) {
        return application.getBean(EventStore.class).readEvents(aggregateId).asStream().count();
    }
}
