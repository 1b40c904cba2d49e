package org.planledger.infra.reminders;

import org.planledger.infra.command.CommandSender;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.query.Queries;
import org.planledger.infra.schedule.DailyJob;
import org.planledger.infra.security.KnownUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

/**
 * The reminder job, when {@code planledger.reminders.enabled=true}: a {@link DailyJob} at
 * {@code planledger.reminders.cron}. It needs a mail server ({@code spring.mail.host}, Spring Boot's
 * mail settings); without one it says so once at start and sends nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnQuerySide
@ConditionalOnProperty(name = "planledger.reminders.enabled", havingValue = "true")
class ReminderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReminderConfiguration.class);

    @Bean
    UpdateReminders updateReminders(UpdatesDueService updatesDue, Queries queries, CommandSender commands,
                                    KnownUsers knownUsers, ObjectProvider<JavaMailSender> mail, ReminderSettings settings) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("Reminders are enabled but no mail server is configured (spring.mail.host): none will be sent");
            return null;
        }
        return new UpdateReminders(updatesDue, queries, commands, knownUsers, sender, settings, Clock.systemUTC());
    }

    @Bean
    DailyJob updateReminderSchedule(ObjectProvider<UpdateReminders> reminders, ReminderSettings settings) {
        return new DailyJob("update-reminders", "Reminders: the daily run", settings.cron(), settings.zone(), today -> {
            UpdateReminders job = reminders.getIfAvailable();
            if (job != null) {
                job.remind(today);
            }
        });
    }
}
