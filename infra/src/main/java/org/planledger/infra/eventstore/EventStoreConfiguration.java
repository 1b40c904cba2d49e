package org.planledger.infra.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.planledger.infra.ledger.ChainingJdbcEventStorageEngine;
import org.planledger.infra.ledger.LedgerChain;
import org.planledger.infra.ledger.LedgerCheckpoints;
import org.planledger.infra.privacy.PersonalFieldEncryption;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDBC event store (embedded profile: H2; postgres profile: PostgreSQL). Flyway creates the
 * tables from {@code db/migration}; Axon's engine never does. This schema names those tables; the
 * column names are Axon's defaults.
 * <p>
 * The engine is built here rather than by Axon's auto-configuration to state two things it leaves
 * implicit. First, payload and metadata travel as {@code byte[]}, which the engine writes with
 * {@code setBytes} and the migration stores as {@code BYTEA}: plain bytes in the row, never the
 * PostgreSQL large objects ({@code oid}) that JPA's {@code @Lob} mapping produces and that
 * {@code VACUUM} does not reclaim. Second, its gap handling comes from {@link JdbcEventStoreSettings}.
 * Third, a duplicate (aggregate, sequence) is recognised on PostgreSQL too ({@link UniqueViolationResolver}).
 * Fourth, every append also chains its events ({@link ChainingJdbcEventStorageEngine}, docs/tamper-evidence.md),
 * after the personal fields of referral events were encrypted ({@link PersonalFieldEncryption}, docs/data-protection.md).
 * With {@code axon.axonserver.enabled=true} Axon Server is the event store and none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
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

    /** Replaces Axon's resolver, which misses PostgreSQL's duplicate keys; see {@link UniqueViolationResolver}. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 JdbcEventStoreSettings settings,
                                                 LedgerChain ledgerChain,
                                                 ObjectProvider<LedgerCheckpoints> ledgerCheckpoints,
                                                 PersonalFieldEncryption personalFieldEncryption) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                // BYTEA columns (V1__event_store.sql)
                .dataType(byte[].class)
                .batchSize(settings.batchSize())
                .maxGapOffset(settings.maxGapOffset())
                .gapTimeout(Math.toIntExact(settings.gapTimeout().toMillis()))
                .gapCleaningThreshold(settings.gapCleaningThreshold())
                // H2 scanned the whole table for Axon's "range OR gaps" query (IndexedGapFetch)
                .readEventDataWithGaps(new IndexedGapFetch())
                // BIGSERIAL starts at 1
                .lowestGlobalSequence(1);
        // The tamper-evident ledger: each append also writes its chain rows, in the same transaction
        // (docs/tamper-evidence.md); a committed board meeting is followed by a checkpoint.
        return new ChainingJdbcEventStorageEngine(builder, connectionProvider, transactionManager, ledgerChain,
                meeting -> ledgerCheckpoints.getObject().afterBoardMeeting(meeting),
                // Personal fields of referral events are stored encrypted per subject (docs/data-protection.md).
                personalFieldEncryption);
    }
}
