package org.planledger.infra.pages;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.ReadModels;
import org.planledger.infra.SlowLane;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five jobs of {@link BrowserJobs} on the {@code postgres} profile as a council runs it: events
 * in a scratch PostgreSQL database, no demo users or plans, and every person signed in to the pages
 * through an OpenID Connect provider in a Chromium of their own ({@link OidcSite}: user ids from
 * {@code preferred_username}, not the provider's subjects). The plan the lead's, the auditor's and the
 * board member's jobs work on is written before them through the API, with a plan manager's bearer
 * token from the same provider, never into the database. One application start for the class.
 */
@SlowLane
class OidcJobsBrowserTest extends BrowserJobs {

    static final JobPlan PLAN = new JobPlan("pg-jobs", "pg-jobs-weeks-of-action", "pg-jobs-victim-support",
            "Support for victims and witnesses of anti-social behaviour", "Victim Support", "violence", "pg-jobs-cctv");

    @TempDir
    static Path dataDir;
    static OidcSite site;

    @BeforeAll
    static void start() throws Exception {
        site = OidcSite.start(dataDir);
        String lead1 = site.userId("lead1");
        String lead2 = site.userId("lead2");
        String plan = PLAN.planId();
        write("POST", "/api/plans", "{\"id\":\"" + plan + "\",\"partnership\":\"Example Borough Community Safety Partnership (fictional)\","
                + "\"title\":\"Community Safety Plan 2013-2016\",\"periodStart\":\"2013-04-01\",\"periodEnd\":\"2016-03-31\",\"cadence\":\"BI_MONTHLY\"}");
        write("POST", "/api/plans/" + plan + "/priorities", "{\"id\":\"asb\",\"title\":\"Anti-social behaviour\"}");
        write("POST", "/api/plans/" + plan + "/priorities", "{\"id\":\"violence\",\"title\":\"Violence in the night-time economy\"}");
        write("POST", "/api/plans/" + plan + "/objectives", "{\"id\":\"asb-1\",\"priorityId\":\"asb\",\"title\":\"Cleaner neighbourhoods\"}");
        write("POST", "/api/plans/" + plan + "/objectives", "{\"id\":\"violence-1\",\"priorityId\":\"violence\",\"title\":\"A safer town centre at night\"}");
        write("POST", "/api/plans/" + plan + "/actions", "{\"id\":\"" + PLAN.leadAction() + "\",\"objectiveId\":\"asb-1\","
                + "\"title\":\"Weeks of action on the estates\",\"leads\":[{\"name\":\"Jo Smith\",\"organisation\":\"Example Borough Council\","
                + "\"userId\":\"" + lead1 + "\"}],\"startDate\":\"2013-04-01\",\"endDate\":\"2016-03-31\"}");
        write("POST", "/api/plans/" + plan + "/actions", "{\"id\":\"" + PLAN.auditAction() + "\",\"objectiveId\":\"asb-1\","
                + "\"title\":\"" + PLAN.auditActionTitle() + "\",\"leads\":[{\"name\":\"" + PLAN.auditLeadName() + "\","
                + "\"userId\":\"" + lead1 + "\"}],\"startDate\":\"2013-04-01\",\"endDate\":\"2016-03-31\"}");
        write("POST", "/api/plans/" + plan + "/actions", "{\"id\":\"" + PLAN.liveAction() + "\",\"objectiveId\":\"violence-1\","
                + "\"title\":\"CCTV in the town centre\",\"leads\":[{\"name\":\"Sam Patel\",\"organisation\":\"Example Borough Police\","
                + "\"userId\":\"" + lead2 + "\"}],\"startDate\":\"2013-04-01\",\"endDate\":\"2016-03-31\"}");
        ReadModels.awaitCaughtUp(site.application, Duration.ofSeconds(30));
    }

    private static void write(String method, String path, String json) throws Exception {
        HttpResponse<String> response = site.api(method, path, "manager", json);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    }

    @AfterAll
    static void stop() throws Exception {
        GenericEventMessage.clock = Clock.systemUTC();
        if (site != null) {
            site.close();
        }
    }

    @Override
    JobSite site() {
        return site;
    }

    @Override
    JobPlan plan() {
        return PLAN;
    }
}
