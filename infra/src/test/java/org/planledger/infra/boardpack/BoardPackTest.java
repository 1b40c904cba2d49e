package org.planledger.infra.boardpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.planledger.command.api.IssueBoardPack;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.planledger.infra.web.ApiClient;
import org.planledger.infra.web.ApiClient.Response;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Board packs of the Kettering demo plan over HTTP, read back with PDFBox: the pack for a meeting
 * holds the plan's title, the RAG summary, the exceptions and the changes since the previous
 * meeting; once issued it is produced again byte for byte, and a note recorded afterwards (even one
 * effective before the meeting) changes the draft for that date but not the issued pack.
 */
class BoardPackTest {

    static final String PLAN = "kettering-csp-2013-2016";
    static final String PACK = "/api/plans/" + PLAN + "/board-pack";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext application;
    static ApiClient api;

    @BeforeAll
    static void kettering() throws Exception {
        application = new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0", "--planledger.demo.enabled=true");
        api = ApiClient.of(application, "demo");
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        api.expect("POST", "/api/plans/" + PLAN + "/board-meetings", "manager",
                "{\"id\":\"board-2013-04\",\"heldOn\":\"2013-04-30\",\"title\":\"CSP board April 2013\"}", 201);
        api.expect("POST", "/api/plans/" + PLAN + "/board-meetings", "manager",
                "{\"id\":\"board-2013-07\",\"heldOn\":\"2013-07-15\",\"title\":\"CSP board July 2013\"}", 201);
        api.expect("POST", "/api/plans/" + PLAN + "/indicators/asb-cleaner-litter/readings", "manager",
                "{\"id\":\"litter-2013-q1\",\"value\":18.2,\"period\":\"2013/14 Q1\",\"effectiveOn\":\"2013-07-01\"}", 200);
        api.expect("PUT", "/api/actions/asb-fte-holiday-activities/rag", "manager",
                "{\"status\":\"AMBER\",\"reason\":\"Summer programme funding not confirmed\",\"effectiveOn\":\"2013-07-01\"}", 200);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void theMeetingsPackHoldsTitleRagSummaryExceptionsAndChangesSinceThePreviousMeeting() throws Exception {
        Response pack = api.get(PACK + "?meeting=board-2013-07").as("board").send();

        assertThat(pack.status()).isEqualTo(200);
        assertThat(pack.header("Content-Type")).startsWith("application/pdf");
        String text = text(pack.bytes());
        assertThat(text).contains("Kettering Borough Community Safety Partnership Three Year Partnership Plan 2013 to 2016",
                "Board pack", "CSP board July 2013", "RAG summary by priority", "Anti-social behaviour",
                "Exceptions", "Summer programme funding not confirmed",
                "Changes since the previous meeting (CSP board April 2013, 30 Apr 2013)",
                "Referrals, financial year 2013/14 to date", "Ledger checkpoint");
        // a June 2013 note is a change since April; the December 2012 note is not
        String changes = text.substring(text.indexOf("Changes since the previous meeting"), text.indexOf("Referrals, financial year"));
        assertThat(changes).contains("Note added").contains("June 2013").doesNotContain("December 2012");
        // the charts page's own bar chart, its figures as text: baseline, target and the Q1 reading of the litter survey
        String charts = text.substring(text.indexOf("Indicator charts"), text.indexOf("Each action's position"));
        assertThat(charts).contains("Percentage of residents stating that rubbish or litter lying around is a problem",
                "Baseline (2012/13) 18.8%", "Target Reduce to below 17.9%", "2013/14 Q1 18.2%");
        try (PDDocument document = Loader.loadPDF(pack.bytes())) {
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged PDF").isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    assertThat(font.getName()).contains("LiberationSans");
                }
            }
        }
    }

    @Test
    void anIssuedPackIsProducedAgainByteForByteAndALaterNoteDoesNotChangeIt() throws Exception {
        Response issued = api.expect("POST", PACK + "?meeting=board-2013-04", "manager", null, 201);
        JsonNode record = JSON.readTree(issued.bytes());
        assertThat(record.path("packId").asText()).isEqualTo("meeting-board-2013-04");
        assertThat(record.path("issuedBy").asText()).isEqualTo("manager");
        assertThat(record.path("checkpointRoot").asText()).matches("[0-9a-f]{64}");
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));

        Response first = api.get(PACK + "?meeting=board-2013-04").as("scrutiny").send();
        Response second = api.get(PACK + "?meeting=board-2013-04").as("auditor").send();
        assertThat(first.header("X-Board-Pack")).isEqualTo("issued");
        assertThat(record.path("layout").asInt()).isEqualTo(BoardPackPdf.LAYOUT);
        assertThat(first.header("X-Board-Pack-Issued-Layout")).isEqualTo(String.valueOf(BoardPackPdf.LAYOUT));
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(sha256(first.bytes())).isEqualTo(record.path("pdfSha256").asText());
        String text = text(first.bytes());
        assertThat(text).contains("Issued", record.path("issuedAt").asText(), "by manager", record.path("checkpointRoot").asText());

        // issuing again answers the pack issued before
        Response again = api.expect("POST", PACK + "?meeting=board-2013-04", "manager", null, 200);
        assertThat(JSON.readTree(again.bytes()).path("pdfSha256").asText()).isEqualTo(record.path("pdfSha256").asText());

        api.expect("POST", "/api/actions/asb-fte-holiday-activities/progress", "manager",
                "{\"period\":\"2013-04-20\",\"text\":\"Recorded late: Easter scheme evaluation received\"}", 201);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));

        Response afterTheNote = api.get(PACK + "?meeting=board-2013-04").as("board").send();
        assertThat(afterTheNote.bytes()).isEqualTo(first.bytes());
        assertThat(text(afterTheNote.bytes())).doesNotContain("Easter scheme evaluation");
        Response draftForThatDay = api.get(PACK + "?asAt=2013-04-30").as("board").send();
        assertThat(draftForThatDay.header("X-Board-Pack")).isEqualTo("draft");
        assertThat(text(draftForThatDay.bytes())).contains("Easter scheme evaluation", "a draft: not issued");
    }

    @Test
    void aPackIssuedUnderAnEarlierLayoutIsLaidOutAgainUnderTodaysFromTheSameCutAndSaysItsBytesDiffer() throws Exception {
        // what a pack issued before layout 2 reads as (BoardPackIssuedUpcaster: layout 1), recorded as the command would
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String issuedDigest = "ab".repeat(32);
        application.getBean(CommandSender.class).sendAndWait(new IssueBoardPack(PLAN, "as-at-2013-06-30", null,
                LocalDate.of(2013, 6, 30), now, now, "manager", issuedDigest, null, null, 1, null),
                CommandOrigin.of("manager", Set.of("PLAN_MANAGER"), "api"));
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));

        Response copy = api.get(PACK + "?asAt=2013-06-30").as("board").send();
        assertThat(copy.header("X-Board-Pack")).isEqualTo("issued");
        assertThat(copy.header("X-Board-Pack-Issued-Layout")).isEqualTo("1");
        assertThat(copy.header("X-Board-Pack-Layout")).isEqualTo(String.valueOf(BoardPackPdf.LAYOUT));
        assertThat(sha256(copy.bytes())).isNotEqualTo(issuedDigest);
        assertThat(text(copy.bytes())).contains(now + " by manager",
                "issued under layout 1 and laid out again under this one", "bytes and SHA-256 differ from this copy's");
        // and it is still the same copy each time: the cut, instants and layout are fixed
        assertThat(api.get(PACK + "?asAt=2013-06-30").as("auditor").send().bytes()).isEqualTo(copy.bytes());
    }

    @Test
    void aPackNamesExactlyOneMeetingOrDateAndAnUnknownMeetingIsNotFound() throws Exception {
        assertThat(api.get(PACK).as("board").send().status()).isEqualTo(400);
        assertThat(api.get(PACK + "?meeting=board-2013-04&asAt=2013-04-30").as("board").send().status()).isEqualTo(400);
        assertThat(api.get(PACK + "?asAt=2013-13-01").as("board").send().status()).isEqualTo(400);
        assertThat(api.get(PACK + "?meeting=no-such-meeting").as("board").send().status()).isEqualTo(404);
        api.expect("POST", PACK + "?asAt=2013-05-01", "board", null, 403);
    }

    @Test
    void theBoardPacksPageListsTheMeetingsAndTheLatestLedgerDigestAndThePrintablePageHoldsThePack() throws Exception {
        Response list = api.get("/plans/" + PLAN + "/board-packs").as("board").send();
        assertThat(list.status()).isEqualTo(200);
        String html = list.text();
        assertThat(html).contains("CSP board April 2013", "CSP board July 2013", "Latest ledger checkpoint", "Draft PDF")
                .containsPattern("<code>[0-9a-f]{64}</code>")
                .doesNotContain("Issue the pack for"); // the board reads, only a manager issues

        Response page = api.get("/plans/" + PLAN + "/board-pack?meeting=board-2013-07").as("board").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("RAG summary by priority", "Summer programme funding not confirmed", "Changes since the previous meeting");
        Response pdf = api.get("/plans/" + PLAN + "/board-pack.pdf?meeting=board-2013-07").as("board").send();
        assertThat(text(pdf.bytes())).contains("RAG summary by priority");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }



}
