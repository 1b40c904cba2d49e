package org.planledger.infra.privacy;

import org.planledger.infra.command.CommandOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Retention: once a day, every subject whose cases have all ended (declined or closed) at least
 * {@code planledger.privacy.retention.period} ago is erased, with the rule in each erasure event.
 * A subject with an open case is kept: the case still needs them. Runs on a thread of its own.
 */
public class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    public static final String ACTOR = "planledger-retention";

    private final SubjectKeys keys;
    private final SubjectErasure erasure;
    private final PrivacySettings.Retention settings;
    private final CronExpression cron;
    private ScheduledExecutorService executor;

    public RetentionJob(SubjectKeys keys, SubjectErasure erasure, PrivacySettings.Retention settings) {
        this.keys = keys;
        this.erasure = erasure;
        this.settings = settings;
        this.cron = CronExpression.parse(settings.cron());
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

    @Override
    public synchronized void start() {
        if (!settings.enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "privacy-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (executor == null) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(settings.zone());
        ZonedDateTime next = cron.next(now);
        if (next == null) {
            return;
        }
        executor.schedule(() -> {
            try {
                eraseExpired(LocalDate.now(settings.zone()));
            } catch (RuntimeException e) {
                log.error("Data protection: the retention job failed: {}", e.getMessage(), e);
            }
            scheduleNext();
        }, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
