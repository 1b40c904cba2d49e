package org.planledger.infra.reminders;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.command.api.RecordUpdateReminder;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.planledger.infra.query.Queries;
import org.planledger.infra.security.KnownUsers;
import org.planledger.query.api.ListPlans;
import org.planledger.query.api.PlanList;
import org.planledger.query.api.PlanSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The daily reminder run (docs/reminders-and-approval.md): for every open plan, every update due or
 * overdue; each lead with a user id is reminded once per cycle (named by its due date: the update's,
 * moved on by whole reporting cycles while it stays unpaid),
 * and once the update is {@code escalateAfterDays} overdue the priority's lead (or, without one
 * who uses the service, the plan managers) is told once per cycle too.
 *
 * <p>At most once: each reminder is first recorded ({@link RecordUpdateReminder}, idempotent per
 * action, cycle, recipient and kind in the Action aggregate) and mailed only when that command
 * answers that it recorded it now. A restart, a second run or a second instance finds it recorded
 * and mails nothing; a mail server that fails after the record leaves that reminder unsent (logged),
 * never sent twice.
 */
public class UpdateReminders {

    private static final Logger log = LoggerFactory.getLogger(UpdateReminders.class);
    public static final String ACTOR = "planledger-reminders";

    private final UpdatesDueService updatesDue;
    private final Queries queries;
    private final CommandSender commands;
    private final KnownUsers knownUsers;
    private final JavaMailSender mail;
    private final ReminderSettings settings;
    private final Clock clock;

    public UpdateReminders(UpdatesDueService updatesDue, Queries queries, CommandSender commands, KnownUsers knownUsers,
                           JavaMailSender mail, ReminderSettings settings, Clock clock) {
        this.updatesDue = updatesDue;
        this.queries = queries;
        this.commands = commands;
        this.knownUsers = knownUsers;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /** A reminder this run recorded; {@code mailed} false when the mail server refused it after the record. */
    public record Sent(String planId, String actionId, LocalDate dueOn, String recipient, boolean escalation, boolean mailed) {
    }

    /** One run as at {@code today}: what it recorded (and mailed). */
    public List<Sent> remind(LocalDate today) {
        List<Sent> sent = new ArrayList<>();
        PlanList plans = queries.ask(new ListPlans(), ResponseTypes.instanceOf(PlanList.class));
        for (PlanSummary plan : plans.plans()) {
            if (plan.closed()) {
                continue;
            }
            UpdatesDueService.Answer answer = updatesDue.updatesDue(plan.planId(), today);
            for (UpdatesDueService.Update update : answer.updates()) {
                if (update.dueOn().isAfter(today.plusDays(settings.noticeDays()))) {
                    continue;
                }
                for (UpdatesDueService.Recipient lead : update.leads()) {
                    remindOnce(answer, update, lead, false, sent);
                }
                if (update.escalationDue()) {
                    for (UpdatesDueService.Recipient above : update.escalateTo()) {
                        remindOnce(answer, update, above, true, sent);
                    }
                }
            }
        }
        if (!sent.isEmpty()) {
            log.info("Reminders: {} sent for updates due by {}", sent.size(), today);
        }
        return sent;
    }

    private void remindOnce(UpdatesDueService.Answer plan, UpdatesDueService.Update update,
                            UpdatesDueService.Recipient recipient, boolean escalation, List<Sent> sent) {
        if (recipient.userId() == null) {
            return; // a lead named only by organisation: the page lists them as "no user to remind"
        }
        String address = knownUsers.addressOf(recipient.userId()).orElse(null);
        if (address == null) {
            log.warn("Reminders: no e-mail address for user '{}', who is to be reminded of the update of action '{}' "
                    + "due {}; add one to the users file or the identity provider's email claim", recipient.userId(),
                    update.actionId(), update.dueOn());
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CommandOrigin origin = new CommandOrigin(ACTOR, Set.of(),
                (escalation ? "escalation: update " : "update ") + "due " + update.cycleDueOn(), "schedule", null);
        Boolean recordedNow;
        try {
            recordedNow = commands.sendAndWait(new RecordUpdateReminder(update.actionId(), update.cycleDueOn(),
                    recipient.userId(), escalation, now), origin);
        } catch (RuntimeException e) {
            // another instance recorded it at the same moment (a conflict), or the action closed meanwhile: not mailed
            log.info("Reminders: not recorded for action '{}' to '{}': {}", update.actionId(), recipient.userId(), e.getMessage());
            return;
        }
        if (!Boolean.TRUE.equals(recordedNow)) {
            return; // recorded before: by an earlier run, before a restart, or by another instance
        }
        boolean mailed = true;
        try {
            mail.send(message(plan, update, address, escalation));
        } catch (MailException e) {
            mailed = false;
            log.error("Reminders: recorded, but the mail to '{}' about action '{}' failed and will not be retried: {}",
                    recipient.userId(), update.actionId(), e.getMessage());
        }
        sent.add(new Sent(plan.planId(), update.actionId(), update.cycleDueOn(), recipient.userId(), escalation, mailed));
    }

    private SimpleMailMessage message(UpdatesDueService.Answer plan, UpdatesDueService.Update update, String to,
                                      boolean escalation) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to);
        String state = update.overdue() ? update.daysOverdue() + " days overdue (due " + update.dueOn() + ")"
                : "due " + update.dueOn();
        message.setSubject((escalation ? "Overdue update: " : "Update due: ") + update.title());
        StringBuilder text = new StringBuilder();
        text.append(escalation ? "The update of an action under a priority you lead, or a plan you manage, is "
                : "The update of an action you lead is ").append(state).append(".\n\n");
        text.append("Plan: ").append(plan.title()).append('\n');
        text.append("Action: ").append(update.title()).append('\n');
        if (update.priorityTitle() != null) {
            text.append("Priority: ").append(update.priorityTitle()).append('\n');
        }
        text.append("Latest note: ").append(update.lastNoteOn() == null ? "none yet" : update.lastNoteOn().toString()).append('\n');
        if (settings.siteUrl() != null && !settings.siteUrl().isBlank()) {
            text.append("\nRecord the update: ").append(settings.siteUrl().replaceAll("/+$", ""))
                    .append("/actions/").append(update.actionId()).append('\n');
        }
        text.append("\nOne reminder is sent per reporting cycle.\n");
        message.setText(text.toString());
        return message;
    }
}
