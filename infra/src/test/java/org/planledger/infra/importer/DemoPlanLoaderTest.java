package org.planledger.infra.importer;

import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.planledger.query.api.FindMyActions;
import org.planledger.query.api.MyActions;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

class DemoPlanLoaderTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartImportsKetteringWithTheDemoLeadsAndARestartDoesNotImportItAgain() throws InterruptedException {
        long events;
        try (ConfigurableApplicationContext first = start()) {
            events = eventCount(first);
            // Kettering 197: 188 + its 9 members (see KetteringImportTest). Charnwood: plan + 5 priorities + 30 aims
            // + 21 priority measures (held by their priority, no '.own' objective any more) + 7 plan-level measures
            // + 1 reading + 17 members = 82. Peterborough: plan + 9 priorities + 9 objectives holding their own
            // actions (an action needs an objective) + 4 plan-level measures + 1 reading + 45 x (registered + added)
            // + 1 refresh + 13 members = 128.
            // The fictional showcase (ShowcasePlanTest) is written beside them, in streams of its own.
            assertThat(realPlanEventCount(first)).as("the three demo plans as events").isEqualTo(197 + 82 + 128);
            ReadModels.awaitCaughtUp(first, Duration.ofSeconds(60));
            QueryGateway queries = first.getBean(QueryGateway.class);
            MyActions lead1 = queries.query(new FindMyActions("lead1"), instanceOf(MyActions.class)).join();
            MyActions lead2 = queries.query(new FindMyActions("lead2"), instanceOf(MyActions.class)).join();
            assertThat(lead1.actions()).isNotEmpty();
            assertThat(lead2.actions()).isNotEmpty();
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(eventCount(second)).isEqualTo(events);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0", "--planledger.demo.enabled=true");
    }

    private static long realPlanEventCount(ConfigurableApplicationContext application) {
        return application.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry"
                + " where aggregateIdentifier not like '" + ShowcasePlan.ID_PREFIX + "%'", Long.class);
    }

    private static long eventCount(ConfigurableApplicationContext application) {
        return application.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
