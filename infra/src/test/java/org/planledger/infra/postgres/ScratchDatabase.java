package org.planledger.infra.postgres;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A PostgreSQL database made for one test class on the local server and dropped afterwards.
 * <p>
 * Server: {@code PLANLEDGER_TEST_PG_HOST} (127.0.0.1), {@code PLANLEDGER_TEST_PG_PORT} (5432), user
 * {@code PLANLEDGER_TEST_PG_USER} (else {@code postgres}, then {@code root}, then the OS user),
 * password {@code PLANLEDGER_TEST_PG_PASSWORD} (blank: trust authentication). When no server
 * answers, the tests are skipped, unless {@code PLANLEDGER_REQUIRE_POSTGRES=true} (set by
 * {@code .ci/run}), which makes that a failure: CI runs them for real.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;

    private ScratchDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    public static ScratchDatabase create() {
        String host = env("PLANLEDGER_TEST_PG_HOST", "127.0.0.1");
        String port = env("PLANLEDGER_TEST_PG_PORT", "5432");
        String password = env("PLANLEDGER_TEST_PG_PASSWORD", "");
        String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        List<String> users = new ArrayList<>();
        String configured = System.getenv("PLANLEDGER_TEST_PG_USER");
        if (configured != null && !configured.isBlank()) {
            users.add(configured);
        } else {
            users.addAll(List.of("postgres", "root", System.getProperty("user.name")));
        }
        SQLException last = null;
        for (String user : users) {
            try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                 Statement statement = connection.createStatement()) {
                String name = "planledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                statement.execute("CREATE DATABASE " + name);
                return new ScratchDatabase(adminUrl, user, password, name);
            } catch (SQLException e) {
                last = e;
            }
        }
        String problem = "no PostgreSQL server usable at " + adminUrl + " as " + users + ": " + last.getMessage();
        if (Boolean.parseBoolean(System.getenv("PLANLEDGER_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException(problem, last);
        }
        Assumptions.abort(problem + " (set PLANLEDGER_REQUIRE_POSTGRES=true to make this a failure)");
        throw new AssertionError("unreachable");
    }

    String url() {
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /** The application's connection settings for this database, by the documented variable names. */
    List<String> applicationArguments() {
        return List.of("--PLANLEDGER_DB_URL=" + url(), "--PLANLEDGER_DB_USER=" + user, "--PLANLEDGER_DB_PASSWORD=" + password);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
