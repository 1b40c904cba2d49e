package org.planledger.infra.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records a checkpoint every day at {@code planledger.ledger.daily-checkpoint.cron} (Spring's cron
 * syntax, default 02:30 Europe/London), on a thread of its own so that nothing else in the service
 * shares or waits for its scheduler.
 */
class DailyCheckpoints implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DailyCheckpoints.class);

    private final LedgerCheckpoints checkpoints;
    private final LedgerSettings.DailyCheckpoint settings;
    private final CronExpression cron;
    private ScheduledExecutorService executor;

    DailyCheckpoints(LedgerCheckpoints checkpoints, LedgerSettings.DailyCheckpoint settings) {
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.cron = CronExpression.parse(settings.cron());
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-daily-checkpoint");
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
                checkpoints.record("daily checkpoint");
            } catch (RuntimeException e) {
                log.error("Ledger: the daily checkpoint failed: {}", e.getMessage(), e);
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
