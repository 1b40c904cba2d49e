package org.planledger.infra.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code planledger.event-store.jdbc.*}: how Axon's JDBC engine reads the store (embedded and
 * postgres profiles).
 * <p>
 * Why gaps matter: {@code globalIndex} is a sequence (BIGSERIAL). A writer takes its number when
 * it inserts but becomes visible when it commits, so with concurrent writers a reader can see 7
 * before 6. Event processors therefore keep the missing numbers in their token (a "gap") and
 * look for them again on every fetch. A gap is forgotten once it is more than
 * {@code maxGapOffset} positions behind the newest event seen, or older than {@code gapTimeout};
 * numbers taken by a transaction that rolled back (a refused or conflicting command) are gaps
 * that never fill, and expire that way.
 *
 * @param batchSize            events fetched per query by a processor or an aggregate load
 * @param maxGapOffset         how far behind the newest event a gap is still waited for; must
 *                             exceed the number of events other writers can commit while one
 *                             transaction is still open (Axon's default, 10,000, is ample here)
 * @param gapTimeout           how long a gap is waited for; must exceed the longest time between
 *                             an insert and its commit (a command's unit of work takes
 *                             milliseconds; an import sends one command per transaction)
 * @param gapCleaningThreshold how many gaps a token may hold before expired ones are cleaned
 */
@ConfigurationProperties("planledger.event-store.jdbc")
public record JdbcEventStoreSettings(
        @DefaultValue("100") int batchSize,
        @DefaultValue("10000") int maxGapOffset,
        @DefaultValue("60s") Duration gapTimeout,
        @DefaultValue("250") int gapCleaningThreshold) {
}
