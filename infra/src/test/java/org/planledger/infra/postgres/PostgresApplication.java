package org.planledger.infra.postgres;

import org.planledger.infra.PlanLedgerApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the whole application on the postgres profile against a scratch database, on a random port. */
public final class PostgresApplication {

    private PostgresApplication() {
    }

    /** The postgres profile, both halves. */
    public static ConfigurableApplicationContext start(ScratchDatabase database, Path dataDir, String... extraArguments) {
        return start("postgres", database, dataDir, extraArguments);
    }

    static ConfigurableApplicationContext start(String profiles, ScratchDatabase database, Path dataDir,
                                                String... extraArguments) {
        List<String> arguments = new ArrayList<>(database.applicationArguments());
        arguments.add("--spring.profiles.active=" + profiles);
        arguments.add("--planledger.data-dir=" + dataDir);
        arguments.add("--server.port=0");
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(PlanLedgerApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run(arguments.toArray(String[]::new));
    }

    /** Closes the application, then drops its scratch database (either may be null: a start that failed). */
    public static void stop(ConfigurableApplicationContext application, ScratchDatabase database) throws java.sql.SQLException {
        try {
            if (application != null) {
                application.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
