package org.planledger.infra.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves {@code planledger.data-dir} to an absolute, existing directory before any bean is
 * built. Two reasons: H2 refuses file URLs that are implicitly relative to the working directory,
 * and both the event store and the read-model store expect their parent directory to exist. Every
 * placeholder {@code ${planledger.data-dir}} in the configuration then sees the absolute path.
 */
public class DataDirectoryPreparer implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "planledger.data-dir";
    static final String DEFAULT = "./data";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = Path.of(environment.getProperty(PROPERTY, DEFAULT)).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir
                    + " (set " + PROPERTY + " to a writable directory)", e);
        }
        environment.getPropertySources().addFirst(
                new MapPropertySource("planledgerDataDirectory", Map.of(PROPERTY, dataDir.toString())));
    }

    @Override
    public int getOrder() {
        // After the config files have been read (ConfigDataEnvironmentPostProcessor runs earlier).
        return Ordered.LOWEST_PRECEDENCE;
    }
}
