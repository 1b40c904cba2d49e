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
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
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
    static HttpClient http = HttpClient.newHttpClient();
    static String base;

    @BeforeAll
    static void kettering() throws Exception {
        application = new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0", "--planledger.demo.enabled=true");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) application).getWebServer().getPort();
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        send("POST", "/api/plans/" + PLAN + "/board-meetings", "manager",
                "{\"id\":\"board-2013-04\",\"heldOn\":\"2013-04-30\",\"title\":\"CSP board April 2013\"}", 201);
        send("POST", "/api/plans/" + PLAN + "/board-meetings", "manager",
                "{\"id\":\"board-2013-07\",\"heldOn\":\"2013-07-15\",\"title\":\"CSP board July 2013\"}", 201);
        send("POST", "/api/plans/" + PLAN + "/indicators/asb-cleaner-litter/readings", "manager",
                "{\"id\":\"litter-2013-q1\",\"value\":18.2,\"period\":\"2013/14 Q1\",\"effectiveOn\":\"2013-07-01\"}", 200);
        send("PUT", "/api/actions/asb-fte-holiday-activities/rag", "manager",
                "{\"status\":\"AMBER\",\"reason\":\"Summer programme funding not confirmed\",\"effectiveOn\":\"2013-07-01\"}", 200);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void theMeetingsPackHoldsTitleRagSummaryExceptionsAndChangesSinceThePreviousMeeting() throws Exception {
        HttpResponse<byte[]> pack = get(PACK + "?meeting=board-2013-07", "board");

        assertThat(pack.statusCode()).isEqualTo(200);
        assertThat(pack.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        String text = text(pack.body());
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
        try (PDDocument document = Loader.loadPDF(pack.body())) {
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
        HttpResponse<byte[]> issued = send("POST", PACK + "?meeting=board-2013-04", "manager", null, 201);
        JsonNode record = JSON.readTree(issued.body());
        assertThat(record.path("packId").asText()).isEqualTo("meeting-board-2013-04");
        assertThat(record.path("issuedBy").asText()).isEqualTo("manager");
        assertThat(record.path("checkpointRoot").asText()).matches("[0-9a-f]{64}");
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));

        HttpResponse<byte[]> first = get(PACK + "?meeting=board-2013-04", "scrutiny");
        HttpResponse<byte[]> second = get(PACK + "?meeting=board-2013-04", "auditor");
        assertThat(first.headers().firstValue("X-Board-Pack")).hasValue("issued");
        assertThat(record.path("layout").asInt()).isEqualTo(BoardPackPdf.LAYOUT);
        assertThat(first.headers().firstValue("X-Board-Pack-Issued-Layout")).hasValue(String.valueOf(BoardPackPdf.LAYOUT));
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(sha256(first.body())).isEqualTo(record.path("pdfSha256").asText());
        String text = text(first.body());
        assertThat(text).contains("Issued", record.path("issuedAt").asText(), "by manager", record.path("checkpointRoot").asText());

        // issuing again answers the pack issued before
        HttpResponse<byte[]> again = send("POST", PACK + "?meeting=board-2013-04", "manager", null, 200);
        assertThat(JSON.readTree(again.body()).path("pdfSha256").asText()).isEqualTo(record.path("pdfSha256").asText());

        send("POST", "/api/actions/asb-fte-holiday-activities/progress", "manager",
                "{\"period\":\"2013-04-20\",\"text\":\"Recorded late: Easter scheme evaluation received\"}", 201);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));

        HttpResponse<byte[]> afterTheNote = get(PACK + "?meeting=board-2013-04", "board");
        assertThat(afterTheNote.body()).isEqualTo(first.body());
        assertThat(text(afterTheNote.body())).doesNotContain("Easter scheme evaluation");
        HttpResponse<byte[]> draftForThatDay = get(PACK + "?asAt=2013-04-30", "board");
        assertThat(draftForThatDay.headers().firstValue("X-Board-Pack")).hasValue("draft");
        assertThat(text(draftForThatDay.body())).contains("Easter scheme evaluation", "a draft: not issued");
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

        HttpResponse<byte[]> copy = get(PACK + "?asAt=2013-06-30", "board");
        assertThat(copy.headers().firstValue("X-Board-Pack")).hasValue("issued");
        assertThat(copy.headers().firstValue("X-Board-Pack-Issued-Layout")).hasValue("1");
        assertThat(copy.headers().firstValue("X-Board-Pack-Layout")).hasValue(String.valueOf(BoardPackPdf.LAYOUT));
        assertThat(sha256(copy.body())).isNotEqualTo(issuedDigest);
        assertThat(text(copy.body())).contains(now + " by manager",
                "issued under layout 1 and laid out again under this one", "bytes and SHA-256 differ from this copy's");
        // and it is still the same copy each time: the cut, instants and layout are fixed
        assertThat(get(PACK + "?asAt=2013-06-30", "auditor").body()).isEqualTo(copy.body());
    }

    @Test
    void aPackNamesExactlyOneMeetingOrDateAndAnUnknownMeetingIsNotFound() throws Exception {
        assertThat(get(PACK, "board").statusCode()).isEqualTo(400);
        assertThat(get(PACK + "?meeting=board-2013-04&asAt=2013-04-30", "board").statusCode()).isEqualTo(400);
        assertThat(get(PACK + "?asAt=2013-13-01", "board").statusCode()).isEqualTo(400);
        assertThat(get(PACK + "?meeting=no-such-meeting", "board").statusCode()).isEqualTo(404);
        assertThat(send("POST", PACK + "?asAt=2013-05-01", "board", null, 403).statusCode()).isEqualTo(403);
    }

    @Test
    void theBoardPacksPageListsTheMeetingsAndTheLatestLedgerDigestAndThePrintablePageHoldsThePack() throws Exception {
        HttpResponse<byte[]> list = get("/plans/" + PLAN + "/board-packs", "board");
        assertThat(list.statusCode()).isEqualTo(200);
        String html = new String(list.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("CSP board April 2013", "CSP board July 2013", "Latest ledger checkpoint", "Draft PDF")
                .containsPattern("<code>[0-9a-f]{64}</code>")
                .doesNotContain("Issue the pack for"); // the board reads, only a manager issues

        HttpResponse<byte[]> page = get("/plans/" + PLAN + "/board-pack?meeting=board-2013-07", "board");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8))
                .contains("RAG summary by priority", "Summer programme funding not confirmed", "Changes since the previous meeting");
        HttpResponse<byte[]> pdf = get("/plans/" + PLAN + "/board-pack.pdf?meeting=board-2013-07", "board");
        assertThat(text(pdf.body())).contains("RAG summary by priority");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static HttpResponse<byte[]> get(String path, String user) throws Exception {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> send(String method, String path, String user, String json, int expected) throws Exception {
        HttpRequest.Builder request = request(path, user);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response = http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(method + " " + path + ": " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(expected);
        return response;
    }

    private static HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
}
