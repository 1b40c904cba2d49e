package org.planledger.infra.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDBC event store. Axon's auto-configuration builds the {@code JdbcEventStorageEngine} from
 * the DataSource (H2 on the embedded profile, PostgreSQL on the postgres profile) but never
 * creates tables: Flyway does, from {@code db/migration}. This schema names those tables; the
 * column names are Axon's defaults.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    public static final String DOMAIN_EVENT_TABLE = "domain_event_entry";
    public static final String SNAPSHOT_TABLE = "snapshot_event_entry";

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(DOMAIN_EVENT_TABLE)
                .snapshotTable(SNAPSHOT_TABLE)
                .build();
    }
}
