package org.planledger.infra;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import java.nio.file.Path;

/** Starts the whole application as {@code java -jar} would, with no profile chosen, on a random port. */
final class EmbeddedApplication {

    private EmbeddedApplication() {
    }

    static ConfigurableApplicationContext start(Path dataDir) {
        return start(dataDir, context -> {
        });
    }

    /** The initializer may register extra beans, e.g. event handlers standing in for projections. */
    static ConfigurableApplicationContext start(Path dataDir,
                                                ApplicationContextInitializer<GenericApplicationContext> initializer) {
        return new SpringApplicationBuilder(PlanLedgerApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .initializers(initializer)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0");
    }
}
