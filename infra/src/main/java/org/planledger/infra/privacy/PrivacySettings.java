package org.planledger.infra.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;
import java.time.ZoneId;

/**
 * {@code planledger.privacy.*} (docs/data-protection.md).
 *
 * @param subjectHashSecret base64 secret for the subject's keyed hash; blank: a secret made on first
 *                          start and kept in the database ({@code privacy_secret})
 * @param retention         how long a subject's data is kept after their last case ended
 */
@ConfigurationProperties("planledger.privacy")
public record PrivacySettings(String subjectHashSecret, @DefaultValue Retention retention) {

    /**
     * @param enabled whether the daily job erases subjects past the period
     * @param period  after the subject's last case was declined or closed (ISO-8601, e.g. P6Y)
     * @param cron    when the job runs (Spring cron: second minute hour day month weekday)
     * @param zone    the zone the cron and "today" are read in
     */
    public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("P6Y") Period period,
                            @DefaultValue("0 15 3 * * *") String cron, @DefaultValue("Europe/London") ZoneId zone) {
    }
}
