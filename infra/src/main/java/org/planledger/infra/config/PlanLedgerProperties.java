package org.planledger.infra.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The application's own settings, under the {@code planledger} prefix.
 *
 * @param dataDir where the embedded runtime keeps its files (event store, read models); made
 *                absolute and created at start-up by {@link DataDirectoryPreparer}
 * @param mongo   where read models and tracking tokens live
 */
@ConfigurationProperties("planledger")
public record PlanLedgerProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Mongo mongo) {

    /**
     * @param uri      a MongoDB connection string; blank starts the in-process wire server
     * @param database the database that holds read models and tokens
     */
    public record Mongo(@DefaultValue("") String uri, @DefaultValue("planledger") String database) {

        public boolean useEmbeddedServer() {
            return uri == null || uri.isBlank();
        }
    }
}
