package org.planledger.infra.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.ReadModels;
import org.planledger.infra.SlowLane;
import org.planledger.infra.postgres.PostgresApplication;
import org.planledger.infra.postgres.ScratchDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager's, the lead's and scrutiny's jobs in pages on the {@code postgres} profile (events in
 * a scratch PostgreSQL database on the local server, dropped afterwards), over plain HTTP as a browser
 * without script would: a manager drafts a plan and adds a priority, an objective and an action; the
 * lead records a note and corrects it; scrutiny views the plan as the board knew it. The same jobs on
 * the embedded runtime: {@code ManagePagesTest}; in a browser: {@code ManageBrowserTest}.
 */
@SlowLane
class PostgresPagesTest {

    static final String PLAN = "pg-pages-plan";
    static final String ACTION = "pg-pages-patrols";

    @TempDir
    static Path dataDir;
    static ScratchDatabase database;
    static ConfigurableApplicationContext application;
    static int port;

    @BeforeAll
    static void start() {
        database = ScratchDatabase.create();
        application = PostgresApplication.start(database, dataDir, "--planledger.demo.enabled=false",
                "--planledger.ledger.daily-checkpoint.enabled=false",
                // the demo users (one per role, loopback only) sign in through the pages' own form
                "--planledger.security.authentication=basic", "--planledger.security.demo-users=true",
                "--server.address=127.0.0.1");
        port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() throws Exception {
        PostgresApplication.stop(application, database);
    }

    @Test
    void aManagerBuildsAPlanALeadCorrectsANoteAndScrutinySeesWhatTheBoardKnew() throws Exception {
        PageSession manager = PageSession.signIn(port, "manager");
        String manage = "/plans/" + PLAN + "/manage";
        expectRedirect(manager.post("/manage/new-plan", manager.get("/manage/new-plan"), Map.of("id", PLAN,
                "partnership", "Example Borough Community Safety Partnership (fictional)", "title", "Plan on PostgreSQL",
                "periodStart", "2024-04-01", "periodEnd", "2027-03-31", "cadence", "QUARTERLY")), manage);
        expectRedirect(manager.post(manage + "/add-priority", manager.get(manage + "/add-priority"),
                Map.of("id", "asb", "title", "Anti-social behaviour")), manage);
        expectRedirect(manager.post(manage + "/add-objective", manager.get(manage + "/add-objective?priorityId=asb"),
                Map.of("id", "asb-1", "priorityId", "asb", "title", "Reduce repeat anti-social behaviour")), manage);
        PageSession.Page addAction = manager.get(manage + "/add-action?objectiveId=asb-1");
        assertThat(addAction.body()).contains("<option value=\"lead1\">lead1</option>");
        expectRedirect(manager.post(manage + "/add-action", addAction, Map.of("id", ACTION, "objectiveId", "asb-1",
                "title", "Weekend patrols", "leads[0].userId", "lead1", "leads[0].name", "Jo Smith",
                "startDate", "2024-04-01", "endDate", "2026-03-31")), manage);
        // a stale form is refused here too: the version check is the API's, on PostgreSQL's event store
        PageSession.Page revise = manager.get(manage + "/revise-priority?priorityId=asb");
        expectRedirect(manager.post(manage + "/revise-priority", manager.get(manage + "/revise-priority?priorityId=asb"),
                Map.of("title", "Anti-social behaviour and nuisance")), manage);
        PageSession.Page stale = manager.post(manage + "/revise-priority", revise, Map.of("title", "ASB"));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body()).contains("Changed by manager at").contains("(Priority revised)");

        PageSession lead = PageSession.signIn(port, "lead1");
        String action = "/actions/" + ACTION;
        expectRedirect(lead.post(action + "/record/progress", lead.get(action + "/record"),
                Map.of("period", "2024-05", "text", "Patrols on two weekends")), action);
        Matcher correct = Pattern.compile(action + "/manage/correct-note\\?noteId=([^\"&]+)").matcher(lead.get(action).body());
        assertThat(correct.find()).isTrue();
        PageSession.Page form = lead.get(action + "/manage/correct-note?noteId=" + correct.group(1));
        expectRedirect(lead.post(action + "/manage/correct-note", form,
                Map.of("text", "Patrols on three weekends", "reason", "Miscounted")), action);
        assertThat(lead.get(action).body()).contains("Patrols on three weekends")
                .containsPattern("<del><span class=\"visually-hidden\">Original wording: </span><span>Patrols on two weekends</span></del>");

        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(30));
        PageSession scrutiny = PageSession.signIn(port, "scrutiny");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        PageSession.Page knew = scrutiny.get("/plans/" + PLAN + "/replay?asAt=" + today + "&known=true");
        assertThat(knew.status()).isEqualTo(200);
        assertThat(knew.body()).contains("as the board knew it then").contains("Weekend patrols").contains("Patrols on three weekends");
        assertThat(scrutiny.get(manage).status()).isEqualTo(403);
    }

    private static void expectRedirect(PageSession.Page page, String location) {
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        assertThat(page.location()).endsWith(location);
    }
}
