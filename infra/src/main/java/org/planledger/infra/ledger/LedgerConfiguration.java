package org.planledger.infra.ledger;

import org.planledger.infra.schedule.DailyJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The tamper-evident ledger (docs/tamper-evidence.md), wherever the events live in the JDBC store
 * (embedded and postgres profiles; with Axon Server there is no {@code domain_event_entry} to chain).
 * The chain itself is written by {@link ChainingJdbcEventStorageEngine}, which
 * {@code EventStoreConfiguration} builds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class LedgerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

    @Bean
    public LedgerChain ledgerChain() {
        return new LedgerChain();
    }

    @Bean
    public LedgerCheckpoints ledgerCheckpoints(DataSource dataSource, LedgerSettings settings) {
        return new LedgerCheckpoints(dataSource, Optional.ofNullable(settings.signingKeyFile()).map(LedgerSigner::load));
    }

    @Bean
    public LedgerVerifier ledgerVerifier(DataSource dataSource, LedgerCheckpoints checkpoints) {
        return new LedgerVerifier(dataSource, checkpoints);
    }

    @Bean
    public LedgerExport ledgerExport(DataSource dataSource, LedgerCheckpoints checkpoints) {
        return new LedgerExport(dataSource, checkpoints);
    }

    @Bean
    @ConditionalOnProperty(name = "planledger.ledger.daily-checkpoint.enabled", havingValue = "true", matchIfMissing = true)
    DailyJob dailyCheckpoints(LedgerCheckpoints checkpoints, LedgerSettings settings) {
        // at planledger.ledger.daily-checkpoint.cron (default 02:30 Europe/London)
        LedgerSettings.DailyCheckpoint daily = settings.dailyCheckpoint();
        return new DailyJob("ledger-daily-checkpoint", "Ledger: the daily checkpoint", daily.cron(), daily.zone(),
                today -> checkpoints.record("daily checkpoint"));
    }

    /**
     * At start-up, once Flyway has made the tables and before any command is handled: the first time,
     * chains every event stored before the ledger existed, stream by stream, and records that point
     * as the chain's start; later, warns about events after it that have no chain row.
     */
    @Bean
    SmartInitializingSingleton ledgerBackfill(DataSource dataSource, LedgerChain chain) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                LedgerChain.Backfill backfill = chain.startOrCheck(connection);
                if (backfill.started()) {
                    log.info("Ledger: the chain starts at global index {}: chained {} events in {} streams stored before it "
                                    + "(back-fill, stream by stream); every later event is chained as it is appended",
                            backfill.through(), backfill.events(), backfill.streams());
                } else if (backfill.unchainedAfterStart() > 0) {
                    log.warn("Ledger: {} events after the chain's start point (global index {}) have no chain row; "
                                    + "verification reports them as FORGED (GET /api/ledger/verify)",
                            backfill.unchainedAfterStart(), backfill.through());
                }
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    log.info("Ledger: another process started the chain at the same moment; nothing to back-fill here");
                    return;
                }
                throw new IllegalStateException("Ledger: could not start the chain: " + e.getMessage(), e);
            }
        };
    }
}
