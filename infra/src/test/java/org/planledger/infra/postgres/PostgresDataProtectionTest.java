package org.planledger.infra.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.SlowLane;
import org.planledger.infra.privacy.PrivacyScenario;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planledger.infra.privacy.PrivacyScenario.*;

/**
 * Data protection on PostgreSQL (docs/data-protection.md): after recording cases with distinctive
 * personal data and erasing one subject, no row of any table holds any of it in clear (byte columns
 * read as UTF-8), while the control string is found; figures are unchanged and the chain verifies.
 */
@SlowLane
class PostgresDataProtectionTest {

    @TempDir
    static Path dataDir;

    static ScratchDatabase database;
    static ConfigurableApplicationContext application;

    @BeforeAll
    static void start() {
        database = ScratchDatabase.create();
        application = PostgresApplication.start(database, dataDir, "--planledger.ledger.daily-checkpoint.enabled=false",
                "--planledger.demo.enabled=false", "--planledger.privacy.retention.enabled=false",
                // the demo users (one per role, loopback only) sign the scenario in over HTTP
                "--planledger.security.authentication=basic", "--planledger.security.demo-users=true",
                "--server.address=127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        PostgresApplication.stop(application, database);
    }

    @Test
    void noTableHoldsPersonalDataInClearBeforeOrAfterAnErasure() throws Exception {
        PrivacyScenario scenario = new PrivacyScenario(application);
        scenario.recordCases();
        scenario.awaitReadModels();
        JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
        assertThat(rowsHolding(jdbc, PERSONAL)).isEmpty();
        assertThat(rowsHolding(jdbc, List.of(CONTROL))).anySatisfy(row -> assertThat(row).startsWith("domain_event_entry"));
        assertThat(scenario.get("/api/actions/" + ACTION, "lead1").text()).contains(ERASED_SUBJECT, KEPT_SUBJECT);

        Map<String, String> before = scenario.figures();
        JsonNode erased = scenario.ok("POST", "/api/subjects/" + ERASED_SUBJECT + "/erasure", "manager",
                Map.of("reason", "subject's request")).json();
        assertThat(erased.path("cases").asInt()).isEqualTo(2);
        scenario.awaitReadModels();
        assertThat(scenario.figures()).isEqualTo(before);
        assertThat(scenario.get("/api/actions/" + ACTION, "lead1").text()).doesNotContain(ERASED_SUBJECT).contains("[erased]");
        assertThat(scenario.get("/api/ledger/verify", "auditor").json().path("verified").asBoolean()).isTrue();
        assertThat(rowsHolding(jdbc, PERSONAL)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from subject_key where secret_key is null", Long.class)).isEqualTo(1);
    }

    /** "table: column holds text" for every cell of every table of the scratch database that holds one of the strings. */
    static List<String> rowsHolding(JdbcTemplate jdbc, List<String> strings) {
        List<String> found = new ArrayList<>();
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'", String.class);
        assertThat(tables).contains("domain_event_entry", "subject_key", "subject_case", "subject_view");
        for (String table : tables) {
            jdbc.query("select * from " + table, rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
                    for (String personal : strings) {
                        if (text.contains(personal)) {
                            found.add(table + ": " + rs.getMetaData().getColumnName(i) + " holds " + personal);
                        }
                    }
                }
            });
        }
        return found;
    }
}
