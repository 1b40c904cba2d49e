package org.planledger.infra.reminders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * Update reminders (docs/reminders-and-approval.md), {@code planledger.reminders.*}.
 *
 * @param enabled           whether the daily job runs (default off; it also needs {@code spring.mail.host})
 * @param cron              when it runs (Spring cron: second minute hour day month weekday)
 * @param zone              the zone the cron and "today" are read in
 * @param noticeDays        an update is listed, and its leads reminded, this many days before it is due
 * @param daysBeforeMeeting an update is also due this many days before the next board meeting (negative: meetings ignored)
 * @param escalateAfterDays an update this many days overdue is escalated to the priority's lead, or the plan managers
 * @param from              the reminders' sender address
 * @param siteUrl           the service's address as people reach it, for the link in a reminder (optional)
 */
@ConfigurationProperties("planledger.reminders")
public record ReminderSettings(@DefaultValue("false") boolean enabled,
                               @DefaultValue("0 0 7 * * MON-FRI") String cron,
                               @DefaultValue("Europe/London") ZoneId zone,
                               @DefaultValue("7") int noticeDays,
                               @DefaultValue("7") int daysBeforeMeeting,
                               @DefaultValue("14") int escalateAfterDays,
                               @DefaultValue("plan-ledger@localhost") String from,
                               String siteUrl) {
}
