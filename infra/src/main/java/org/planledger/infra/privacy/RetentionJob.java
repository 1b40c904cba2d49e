package org.planledger.infra.privacy;

import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.schedule.DailyJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Retention: once a day, every subject whose cases have all ended (declined or closed) at least
 * {@code planledger.privacy.retention.period} ago is erased, with the rule in each erasure event.
 * A subject with an open case is kept: the case still needs them. Scheduled by a {@link DailyJob}
 * ({@code PrivacyConfiguration}) at {@code planledger.privacy.retention.cron}.
 */
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    public static final String ACTOR = "planledger-retention";

    private final SubjectKeys keys;
    private final SubjectErasure erasure;
    private final PrivacySettings.Retention settings;

    public RetentionJob(SubjectKeys keys, SubjectErasure erasure, PrivacySettings.Retention settings) {
        this.keys = keys;
        this.erasure = erasure;
        this.settings = settings;
    }

    /** Erases every subject past the period on this date; returns what was erased. */
    public List<SubjectErasure.Erasure> eraseExpired(LocalDate today) {
        LocalDate endedBy = today.minus(settings.period());
        String rule = "retention: " + settings.period() + " after the subject's last case ended (ended by " + endedBy + ")";
        CommandOrigin origin = new CommandOrigin(ACTOR, Set.of(), rule, "schedule", null);
        List<SubjectErasure.Erasure> erased = new ArrayList<>();
        for (String subjectHash : keys.subjectsEndedBy(endedBy)) {
            SubjectErasure.Erasure done = erasure.erase(subjectHash, rule, origin);
            if (done != null) {
                erased.add(done);
            }
        }
        if (!erased.isEmpty()) {
            log.info("Data protection: retention erased {} subject(s), {} case(s), whose cases ended by {}", erased.size(),
                    erased.stream().mapToInt(SubjectErasure.Erasure::cases).sum(), endedBy);
        }
        return erased;
    }
}
