package org.planledger.infra.importer;

import org.planledger.command.api.*;
import org.planledger.events.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Turns a plan file into the commands the API would send, in an order the aggregates accept, with
 * each command's business date taken from the document and every id derived from the file, so that
 * importing the same file twice changes nothing the second time. That includes the commands whose id
 * names no aggregate (ratings, closures, refreshes): they carry a derived client id too, e.g. the
 * action's second rating is {@code <actionId>.r2}, so the aggregate recognises the repeat itself.
 *
 * <p>Dates: a note dated "June 2013" is effective 2013-06-01; an action is effective from the
 * earliest date the document gives for it (its start, or an earlier note, tally, funding, spend or
 * rating), and the plan's structure from the earliest of those, the board meetings and the
 * drafting date, so that
 * "the plan as at 2012-12-31" already holds the actions that 2012's notes speak about.
 */
public final class ImportPlanner {

    /** Lets the caller attach login ids to named leads (the demo data uses it for lead1 and lead2). */
    public interface LeadUserIds extends BiFunction<PlanDocument.Action, PlanDocument.Lead, String> {
        LeadUserIds FROM_FILE = (action, lead) -> lead.userId();
    }

    private ImportPlanner() {
    }

    public static List<Object> plan(PlanDocument document, LeadUserIds leadUserIds) {
        String planId = document.plan().id();
        LocalDate structureDate = structureDate(document);
        List<Object> commands = new ArrayList<>();
        PlanDocument.Plan plan = document.plan();
        commands.add(new DraftPlan(planId, plan.partnership(), plan.title(), plan.periodStart(), plan.periodEnd(),
                plan.cadence(), structureDate));

        for (PlanDocument.Priority priority : document.priorities()) {
            commands.add(new AddPriority(planId, priority.id(), priority.title(),
                    priority.leads(), structureDate, null));
            for (PlanDocument.Objective objective : priority.objectives()) {
                commands.add(new AddObjective(planId, objective.id(), priority.id(),
                        objective.title(), objective.outcomes(), structureDate, null));
                for (PlanDocument.Indicator indicator : objective.indicators()) {
                    commands.add(defineIndicator(planId, objective.id(), indicator, structureDate));
                }
            }
        }
        for (PlanDocument.BoardMeeting meeting : document.boardMeetings()) {
            commands.add(new RecordBoardMeeting(planId, meeting.id(), meeting.date(),
                    meeting.title(), null));
        }
        for (PlanDocument.Priority priority : document.priorities()) {
            for (PlanDocument.Objective objective : priority.objectives()) {
                for (PlanDocument.Action action : objective.actions()) {
                    addAction(commands, planId, objective.id(), action, leadUserIds);
                }
            }
        }
        for (int r = 0; r < document.refreshes().size(); r++) {
            PlanDocument.Refresh refresh = document.refreshes().get(r);
            commands.add(new RefreshPlan(planId, planId + ".r" + (r + 1), refresh.note(), refresh.effectiveOn(), null));
        }
        return commands;
    }

    private static DefineIndicator defineIndicator(String planId, String objectiveId, PlanDocument.Indicator indicator,
                                                   LocalDate effectiveOn) {
        Baseline baseline = indicator.baseline() == null ? null : new Baseline(indicator.baseline().value(),
                indicator.baseline().period(), indicator.baseline().source(), indicator.baseline().text());
        Target target = new Target(indicator.target().kind(), indicator.target().value(), indicator.target().text());
        return new DefineIndicator(planId, indicator.id(), objectiveId, indicator.name(), indicator.unit(),
                indicator.direction(), baseline, target, indicator.changeRequired(), indicator.dueOn(),
                indicator.lead(), effectiveOn, null);
    }

    private static void addAction(List<Object> commands, String planId, String objectiveId,
                                  PlanDocument.Action action, LeadUserIds leadUserIds) {
        String actionId = action.id();
        List<Lead> leads = action.leads().stream()
                .map(lead -> new Lead(lead.nameWithRole(), lead.organisation(), leadUserIds.apply(action, lead)))
                .toList();
        commands.add(new AddAction(planId, actionId, objectiveId, action.title(),
                action.outputs(), action.monitoringIndicators(), action.resources(), leads, action.partners(),
                action.startDate(), action.endDate(), action.risks(), actionDate(action), null));

        // The action's history in the order it happened, so the stream reads as the document does.
        List<Dated> history = new ArrayList<>();
        for (int n = 0; n < action.progress().size(); n++) {
            PlanDocument.Note note = action.progress().get(n);
            history.add(new Dated(ProgressPeriod.effectiveDate(note.period()),
                    new RecordProgress(actionId, actionId + ".n" + (n + 1), note.period(), note.text(), null)));
        }
        for (int t = 0; t < action.referralTallies().size(); t++) {
            PlanDocument.ReferralTally tally = action.referralTallies().get(t);
            history.add(new Dated(tally.to(), new TallyReferrals(actionId,
                    actionId + ".t" + (t + 1), tally.from(), tally.to(), tally.count(), tally.totalCostPence(),
                    tally.note(), null, null)));
        }
        for (int f = 0; f < action.funding().size(); f++) {
            PlanDocument.Funding funding = action.funding().get(f);
            history.add(new Dated(funding.effectiveOn(), new AllocateFunding(actionId,
                    actionId + ".f" + (f + 1), funding.amountPence(), funding.source(),
                    FinancialYear.parse(funding.financialYear()), funding.effectiveOn(), null)));
        }
        for (int s = 0; s < action.spend().size(); s++) {
            PlanDocument.Spend spend = action.spend().get(s);
            history.add(new Dated(spend.effectiveOn(), new RecordSpend(actionId,
                    actionId + ".s" + (s + 1), spend.amountPence(), spend.description(),
                    FinancialYear.parse(spend.financialYear()), spend.effectiveOn(), null)));
        }
        for (int r = 0; r < action.rag().size(); r++) {
            PlanDocument.Rag rag = action.rag().get(r);
            history.add(new Dated(rag.effectiveOn(), new AssessRag(actionId, actionId + ".r" + (r + 1), rag.status(),
                    rag.reason(), rag.effectiveOn(), null)));
        }
        // A stable sort keeps the document's order among entries of the same date.
        history.sort(Comparator.comparing(Dated::on));
        history.forEach(dated -> commands.add(dated.command()));

        PlanDocument.Closure closure = action.closure();
        if (closure != null) {
            // An action closes at most once in a file; ".c1" leaves room should the format ever allow reopening.
            String closureId = actionId + ".c1";
            commands.add(closure.kind() == PlanDocument.Closure.Kind.COMPLETED
                    ? new CompleteAction(actionId, closureId, closure.reason(), closure.effectiveOn(), null)
                    : new CeaseAction(actionId, closureId, closure.reason(), closure.effectiveOn(), null));
        }
    }

    private record Dated(LocalDate on, Object command) {
    }

    /** The earliest date the document states for anything about the action. */
    static LocalDate actionDate(PlanDocument.Action action) {
        return Stream.of(
                        Stream.of(action.startDate()),
                        action.progress().stream().map(note -> ProgressPeriod.effectiveDate(note.period())),
                        action.referralTallies().stream().map(PlanDocument.ReferralTally::to),
                        action.funding().stream().map(PlanDocument.Funding::effectiveOn),
                        action.spend().stream().map(PlanDocument.Spend::effectiveOn),
                        action.rag().stream().map(PlanDocument.Rag::effectiveOn))
                .flatMap(dates -> dates)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    static LocalDate structureDate(PlanDocument document) {
        LocalDate earliest = document.plan().draftedOn();
        for (PlanDocument.BoardMeeting meeting : document.boardMeetings()) {
            earliest = meeting.date().isBefore(earliest) ? meeting.date() : earliest;
        }
        for (PlanDocument.Priority priority : document.priorities()) {
            for (PlanDocument.Objective objective : priority.objectives()) {
                for (PlanDocument.Action action : objective.actions()) {
                    LocalDate date = actionDate(action);
                    if (date.isBefore(earliest)) {
                        earliest = date;
                    }
                }
            }
        }
        return earliest;
    }
}
