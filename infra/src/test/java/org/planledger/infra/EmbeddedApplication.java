package org.planledger.infra;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

/** Starts the whole application as {@code java -jar} would, with no profile chosen, on a random port. */
final class EmbeddedApplication {

    private EmbeddedApplication() {
    }

    static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(PlanLedgerApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0");
    }
}
