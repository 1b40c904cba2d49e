package org.planledger.infra.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * A job run once a day (or at any Spring cron expression) on a scheduler thread of its own, so that
 * nothing else in the service shares or waits for it: the daily ledger checkpoint, retention and
 * update reminders. The work is given "today" in the job's zone. A run that fails is logged and the
 * next one still comes; stopping the application stops the scheduler (interrupting a run in progress).
 */
public final class DailyJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DailyJob.class);

    private final String threadName;
    private final String description;
    private final CronTrigger trigger;
    private final ZoneId zone;
    private final Consumer<LocalDate> work;
    private ThreadPoolTaskScheduler scheduler;

    /**
     * @param threadName  the scheduler thread's name, as it shows in thread dumps
     * @param description what the job does, for the log ("Ledger: the daily checkpoint")
     * @param cron        a Spring cron expression (second minute hour day month weekday)
     * @param zone        the zone the expression and "today" are read in
     * @param work        the job, given today's date in {@code zone}
     */
    public DailyJob(String threadName, String description, String cron, ZoneId zone, Consumer<LocalDate> work) {
        this.threadName = threadName;
        this.description = description;
        this.trigger = new CronTrigger(cron, zone); // refuses a malformed expression at start-up
        this.zone = zone;
        this.work = work;
    }

    /** One run now, as the schedule would run it (also for tests and operators). */
    public void runNow() {
        try {
            work.accept(LocalDate.now(zone));
        } catch (RuntimeException e) {
            log.error("{} failed: {}", description, e.getMessage(), e);
        }
    }

    @Override
    public synchronized void start() {
        ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
        started.setPoolSize(1);
        started.setThreadNamePrefix(threadName + "-");
        started.setDaemon(true);
        started.setWaitForTasksToCompleteOnShutdown(false);
        started.initialize();
        started.schedule(this::runNow, trigger);
        scheduler = started;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
