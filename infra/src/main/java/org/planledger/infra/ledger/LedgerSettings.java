package org.planledger.infra.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code planledger.ledger.*}: the tamper-evident ledger (docs/tamper-evidence.md).
 *
 * @param signingKeyFile  an Ed25519 private key, PKCS#8 PEM; when set, every checkpoint is signed
 * @param dailyCheckpoint when the daily checkpoint is recorded
 */
@ConfigurationProperties("planledger.ledger")
public record LedgerSettings(Path signingKeyFile, @DefaultValue DailyCheckpoint dailyCheckpoint) {

    /**
     * @param enabled whether a checkpoint is recorded every day (off in tests)
     * @param cron    a Spring cron expression (second minute hour day month weekday)
     * @param zone    the zone the expression is read in
     */
    public record DailyCheckpoint(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 2 * * *") String cron,
                                  @DefaultValue("Europe/London") ZoneId zone) {
    }
}
