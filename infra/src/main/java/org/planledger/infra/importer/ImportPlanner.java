package org.planledger.infra.importer;

import org.planledger.command.api.*;
import org.planledger.events.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Turns a plan file into the commands the API would send, in an order the aggregates accept, with
 * each command's business date taken from the document and every id derived from the file.
 *
 * <p>The planner compares the file with what the store already holds ({@link StoredPlan}): a record
 * the store lacks is created, a record that differs is revised with the matching revision command
 * (changed title or leads → RevisePriority, outcomes → ReviseObjective, baseline/target (with its
 * baselinePeriod and peerGroup) → RebaselineIndicator, a member → RecordPlanMember under the same id,
 * action text and lists → ReviseActionDetails, dates → RescheduleAction (both dates given), leads →
 * ChangeActionLeads, a note's text → CorrectProgressNote, a reading's value, cost or note → CorrectIndicatorReading,
 * focus strands → RevisePriority, a retirement → RetirePriority / RetireObjective / RetireIndicator), and a record stored as the file says is left
 * alone. Records no command can revise (tallies, funding, spend, ratings, closures, series breaks,
 * board meetings, refreshes) are sent as creates with ids derived from the file, e.g. the action's second
 * rating is {@code <actionId>.r2}: the aggregate recognises the repeat itself. Members are
 * {@code <planId>.m1}, ... by position, readings {@code <indicatorId>.<period>} ({@code /} and spaces as
 * {@code _}; a peer reading {@code <indicatorId>.peer.<period>}). A difference no command can apply (a reading's source; a note's
 * figures or undated flag; a dated action made ongoing) is listed as not applied; what the file holds that no
 * command records (an action's retirement beside its closure) is counted as not yet imported.
 *
 * <p>Indicators: an objective's (objectiveId), a priority's own (priorityId, no objective) and the plan's
 * {@code measures} (neither). A priority's own actions sit under an objective {@code <priorityId>.own}
 * titled like the priority, as AddAction requires an objective. Action dates the file leaves null are
 * sent null: the action is ongoing.
 *
 * <p>Dates: a note dated "June 2013" is effective 2013-06-01; an action is effective from its {@code from}
 * date, else the earliest date the document gives for it (its start, or an earlier note, tally, funding,
 * spend or rating), and the plan's structure from the earliest of those, the board meetings and the
 * drafting date, so that "the plan as at 2012-12-31" already holds the actions 2012's notes speak about.
 * A record with a {@code from} date (added at a refresh) is added effective on it; each former title is
 * followed by a revision effective on its {@code until} date; {@code retired} becomes a retirement.
 */
public final class ImportPlanner {

    /** Lets the caller attach login ids to named leads (the demo data uses it for lead1 and lead2). */
    public interface LeadUserIds extends BiFunction<PlanDocument.Action, PlanDocument.Lead, String> {
        LeadUserIds FROM_FILE = (action, lead) -> lead.userId();
    }

    static final String RENAMED = "renamed, as the plan file records";

    private final PlanDocument document;
    private final LeadUserIds leadUserIds;
    private final StoredPlan stored;
    private final String reason;
    private final String planId;
    private final LocalDate structureDate;
    private final ImportPlan.Builder out = new ImportPlan.Builder();

    private ImportPlanner(PlanDocument document, LeadUserIds leadUserIds, StoredPlan stored, String reason) {
        this.document = document;
        this.leadUserIds = leadUserIds;
        this.stored = stored;
        this.reason = reason;
        this.planId = document.plan().id();
        this.structureDate = structureDate(document);
    }

    /** The commands that create the whole file in an empty store. */
    public static List<Object> plan(PlanDocument document, LeadUserIds leadUserIds) {
        return plan(document, leadUserIds, StoredPlan.empty(), "imported").commands();
    }

    /** What to send so that the store holds what the file says; {@code reason} goes on every revision. */
    public static ImportPlan plan(PlanDocument document, LeadUserIds leadUserIds, StoredPlan stored, String reason) {
        ImportPlanner planner = new ImportPlanner(document, leadUserIds, stored, reason);
        planner.planAll();
        return planner.out.build();
    }

    /** The objective the importer adds under a priority for the indicators and actions it holds directly. */
    static String ownObjectiveId(String priorityId) {
        return priorityId + RuleCheck.OWN_OBJECTIVE_SUFFIX;
    }

    private void planAll() {
        planPlan();
        for (PlanDocument.Priority priority : document.priorities()) {
            planPriority(priority);
            for (PlanDocument.Objective objective : priority.objectives()) {
                LocalDate objectiveFrom = firstNonNull(objective.from(), priority.from());
                planObjective(priority.id(), objective, priority.from());
                for (PlanDocument.Indicator indicator : objective.indicators()) {
                    planIndicator(objective.id(), null, indicator, objectiveFrom);
                }
            }
            // A priority's own measures are the priority's (DefineIndicator with priorityId, no objective).
            for (PlanDocument.Indicator indicator : priority.indicators()) {
                planIndicator(null, priority.id(), indicator, priority.from());
            }
            if (!priority.actions().isEmpty()) {
                // An action always belongs to an objective (AddAction requires one), so the actions a priority
                // holds directly sit under an objective named like the priority (docs/plan-format.md).
                PlanDocument.Objective own = new PlanDocument.Objective(ownObjectiveId(priority.id()),
                        priority.title(), List.of(), List.of(), priority.actions(), priority.from(), null, List.of());
                planObjective(priority.id(), own, priority.from());
            }
            retirePriority(priority);
        }
        // Plan-level measures belong to neither a priority nor an objective.
        for (PlanDocument.Indicator measure : document.measures()) {
            planIndicator(null, null, measure, null);
        }
        for (PlanDocument.Indicator indicator : document.allIndicators()) {
            planSeries(indicator);
        }
        for (PlanDocument.Indicator measure : document.measures()) {
            planSeries(measure);
        }
        for (PlanDocument.BoardMeeting meeting : document.boardMeetings()) {
            out.ensure("board meeting '" + meeting.id() + "'",
                    new RecordBoardMeeting(planId, meeting.id(), meeting.date(), meeting.title(), null));
        }
        for (PlanDocument.Priority priority : document.priorities()) {
            for (PlanDocument.Objective objective : priority.objectives()) {
                for (PlanDocument.Action action : objective.actions()) {
                    planAction(objective.id(), action);
                }
            }
            for (PlanDocument.Action action : priority.actions()) {
                planAction(ownObjectiveId(priority.id()), action);
            }
        }
        for (int r = 0; r < document.refreshes().size(); r++) {
            PlanDocument.Refresh refresh = document.refreshes().get(r);
            String refreshId = planId + ".r" + (r + 1);
            out.ensure("refresh '" + refreshId + "'", new RefreshPlan(planId, refreshId, refresh.note(),
                    refresh.effectiveOn(), null));
        }
        planMembers();
        planRetirements();
    }

    /**
     * Objectives and indicators the file retires, once everything under them is in the store: a retired objective
     * takes no new actions or indicators, a retired indicator no readings for later periods. Retired once; a
     * re-import finds them retired and leaves them alone.
     */
    private void planRetirements() {
        for (PlanDocument.Priority priority : document.priorities()) {
            for (PlanDocument.Objective objective : priority.objectives()) {
                for (PlanDocument.Indicator indicator : objective.indicators()) {
                    retireIndicator(indicator, "indicator '");
                }
                if (objective.retired() != null) {
                    String record = "objective '" + objective.id() + "'";
                    StoredPlan.ObjectiveState current = stored.objectives.get(objective.id());
                    RetireObjective retire = new RetireObjective(planId, objective.id(), objective.retired().reason(),
                            objective.retired().on(), null);
                    if (current == null) {
                        out.create(record, retire);
                    } else if (!current.retired()) {
                        out.revise(record, retire, List.of("retired"));
                    }
                }
            }
            for (PlanDocument.Indicator indicator : priority.indicators()) {
                retireIndicator(indicator, "indicator '");
            }
        }
        for (PlanDocument.Indicator measure : document.measures()) {
            retireIndicator(measure, "measure '");
        }
    }

    private void retireIndicator(PlanDocument.Indicator indicator, String kind) {
        if (indicator.retired() == null) {
            return;
        }
        String record = kind + indicator.id() + "'";
        StoredPlan.IndicatorState current = stored.indicators.get(indicator.id());
        RetireIndicator retire = new RetireIndicator(planId, indicator.id(), indicator.retired().reason(),
                indicator.retired().on(), null);
        if (current == null) {
            out.create(record, retire);
        } else if (!current.retired()) {
            out.revise(record, retire, List.of("retired"));
        }
    }

    /** The plan's members, each under an id from its position in the file ({@code <planId>.m1}, ...). */
    private void planMembers() {
        List<PlanDocument.Member> members = document.plan().members();
        for (int m = 0; m < members.size(); m++) {
            PlanDocument.Member member = members.get(m);
            String memberId = memberId(planId, m);
            String record = "member '" + memberId + "'";
            StoredPlan.MemberState current = stored.members.get(memberId);
            if (current == null) {
                // Effective from when they joined, else from the plan's structure date, so that "the plan as
                // at" any day inside the plan shows the members the document names.
                out.create(record, new RecordPlanMember(planId, memberId, member.name(), member.organisation(),
                        member.role(), member.from(), member.to(), firstNonNull(member.from(), structureDate), null));
                continue;
            }
            List<String> changed = new ArrayList<>();
            differs(changed, "name", current.name(), member.name());
            differs(changed, "organisation", current.organisation(), member.organisation());
            differs(changed, "role", current.role(), member.role());
            differs(changed, "from", current.from(), member.from());
            differs(changed, "to", current.to(), member.to());
            if (changed.isEmpty()) {
                out.unchanged(record);
            } else {
                // Recorded again under the same id; the domain dates it (to when they newly left, else from, else today).
                out.revise(record, new RecordPlanMember(planId, memberId, member.name(), member.organisation(),
                        member.role(), member.from(), member.to(), null, null), changed);
            }
        }
    }

    static String memberId(String planId, int index) {
        return planId + ".m" + (index + 1);
    }

    /**
     * A reading's id: the indicator's id and the period ({@code 2013/14} → {@code <indicatorId>.2013_14}); a peer
     * group's figure {@code <indicatorId>.peer.2013_14}.
     */
    static String readingId(String indicatorId, String period, boolean peer) {
        return indicatorId + (peer ? ".peer." : ".") + period.trim().replace('/', '_').replace(' ', '_');
    }

    private void planPlan() {
        PlanDocument.Plan plan = document.plan();
        String record = "plan '" + planId + "'";
        if (stored.isEmpty()) {
            out.create(record, new DraftPlan(planId, plan.partnership(), plan.title(), plan.periodStart(),
                    plan.periodEnd(), plan.cadence(), structureDate));
            return;
        }
        PlanDrafted drafted = stored.plan;
        List<String> changed = new ArrayList<>();
        differs(changed, "partnership", drafted.partnership(), plan.partnership());
        differs(changed, "title", drafted.title(), plan.title());
        differs(changed, "periodStart", drafted.periodStart(), plan.periodStart());
        differs(changed, "periodEnd", drafted.periodEnd(), plan.periodEnd());
        differs(changed, "cadence", drafted.cadence(), plan.cadence());
        if (changed.isEmpty()) {
            out.unchanged(record);
        } else {
            out.notApplied(record + ": " + String.join(", ", changed) + " differ from the store, and no command revises a plan's "
                    + String.join(", ", changed));
        }
    }

    private void planPriority(PlanDocument.Priority priority) {
        String record = "priority '" + priority.id() + "'";
        StoredPlan.PriorityState current = stored.priorities.get(priority.id());
        if (current == null) {
            LocalDate addedOn = priority.from() == null ? structureDate : priority.from();
            List<PlanDocument.FormerTitle> former = priority.formerTitles();
            String firstTitle = former.isEmpty() ? priority.title() : former.get(0).title();
            // no strands: left out, as a priority added before strands were held
            out.create(record, new AddPriority(planId, priority.id(), firstTitle, priority.leads(),
                    priority.focus().isEmpty() ? null : priority.focus(), addedOn, null));
            for (int t = 0; t < former.size(); t++) {
                String next = t + 1 < former.size() ? former.get(t + 1).title() : priority.title();
                // a rename leaves the strands out, so they stay as added
                out.create(record, new RevisePriority(planId, priority.id(), next, priority.leads(), RENAMED,
                        former.get(t).until(), null));
            }
            return;
        }
        List<String> changed = new ArrayList<>();
        differs(changed, "title", current.title(), priority.title());
        differs(changed, "leads", current.leads(), priority.leads());
        differs(changed, "focus", current.focus(), priority.focus());
        if (changed.isEmpty()) {
            if (priority.retired() == null || current.retired()) {
                out.unchanged(record);
            }
            return;
        }
        // The file's focus strands are sent as they are: an empty list removes strands the store holds.
        out.revise(record, new RevisePriority(planId, priority.id(), priority.title(), priority.leads(), priority.focus(), reason,
                renamedOn(current.title(), priority.title(), priority.formerTitles()), null), changed);
    }

    private void retirePriority(PlanDocument.Priority priority) {
        StoredPlan.PriorityState current = stored.priorities.get(priority.id());
        if (priority.retired() != null && (current == null || !current.retired())) {
            String record = "priority '" + priority.id() + "'";
            RetirePriority retire = new RetirePriority(planId, priority.id(), priority.retired().reason(),
                    priority.retired().on(), null);
            if (current == null) {
                out.create(record, retire);
            } else {
                out.revise(record, retire, List.of("retired"));
            }
        }
    }

    private void planObjective(String priorityId, PlanDocument.Objective objective, LocalDate parentFrom) {
        String record = "objective '" + objective.id() + "'";
        StoredPlan.ObjectiveState current = stored.objectives.get(objective.id());
        if (current == null) {
            LocalDate addedOn = firstNonNull(objective.from(), parentFrom, structureDate);
            List<PlanDocument.FormerTitle> former = objective.formerTitles();
            String firstTitle = former.isEmpty() ? objective.title() : former.get(0).title();
            out.create(record, new AddObjective(planId, objective.id(), priorityId, firstTitle, objective.outcomes(),
                    addedOn, null));
            for (int t = 0; t < former.size(); t++) {
                String next = t + 1 < former.size() ? former.get(t + 1).title() : objective.title();
                out.create(record, new ReviseObjective(planId, objective.id(), next, objective.outcomes(), RENAMED,
                        former.get(t).until(), null));
            }
            return;
        }
        if (!current.priorityId().equals(priorityId)) {
            out.notApplied(record + ": the file puts it under priority '" + priorityId + "', the store under '"
                    + current.priorityId() + "'; no command moves an objective");
        }
        List<String> changed = new ArrayList<>();
        differs(changed, "title", current.title(), objective.title());
        differs(changed, "outcomes", current.outcomes(), objective.outcomes());
        if (changed.isEmpty()) {
            // a retirement still to send makes it revised, not unchanged (planRetirements)
            if (objective.retired() == null || current.retired()) {
                out.unchanged(record);
            }
            return;
        }
        out.revise(record, new ReviseObjective(planId, objective.id(), objective.title(), objective.outcomes(), reason,
                renamedOn(current.title(), objective.title(), objective.formerTitles()), null), changed);
    }

    /**
     * An objective's indicator (objectiveId), a priority's own measure (priorityId only) or a measure of the
     * whole plan (neither).
     */
    private void planIndicator(String objectiveId, String priorityId, PlanDocument.Indicator indicator,
                               LocalDate parentFrom) {
        String record = (objectiveId == null && priorityId == null ? "measure '" : "indicator '") + indicator.id() + "'";
        Baseline baseline = baseline(indicator);
        Target target = target(indicator.target());
        StoredPlan.IndicatorState current = stored.indicators.get(indicator.id());
        if (current == null) {
            out.create(record, new DefineIndicator(planId, indicator.id(), objectiveId, priorityId, indicator.name(),
                    indicator.unit(), indicator.direction(), baseline, target, indicator.changeRequired(),
                    indicator.dueOn(), indicator.lead(), firstNonNull(indicator.from(), parentFrom, structureDate), null));
            return;
        }
        IndicatorDefined defined = current.defined();
        List<String> fixed = new ArrayList<>();
        differs(fixed, "objective", defined.objectiveId(), objectiveId);
        differs(fixed, "priority", defined.priorityId(), priorityId);
        differs(fixed, "name", defined.name(), indicator.name());
        differs(fixed, "unit", defined.unit(), indicator.unit());
        differs(fixed, "direction", defined.direction(), indicator.direction());
        differs(fixed, "dueOn", defined.dueOn(), indicator.dueOn());
        differs(fixed, "lead", defined.lead(), indicator.lead());
        if (!fixed.isEmpty()) {
            out.notApplied(record + ": " + String.join(", ", fixed) + " differ from the store; no command revises "
                    + (fixed.size() == 1 ? "it" : "them") + " (only baseline, target and changeRequired can change)");
        }
        List<String> changed = new ArrayList<>();
        if (!sameBaseline(current.baseline(), baseline)) {
            changed.add("baseline");
        }
        if (!sameTarget(current.target(), target)) {
            changed.add("target");
        }
        differs(changed, "changeRequired", current.changeRequired(), indicator.changeRequired());
        if (changed.isEmpty()) {
            if (fixed.isEmpty() && (indicator.retired() == null || current.retired())) {
                out.unchanged(record);
            }
            return;
        }
        if (current.retired()) {
            out.notApplied(record + ": " + String.join(", ", changed) + " differ from the store, where the indicator is "
                    + "retired; a retired indicator takes no new baseline or target");
            return;
        }
        out.revise(record, new RebaselineIndicator(planId, indicator.id(), baseline, target, indicator.changeRequired(),
                reason, null, null), changed);
    }

    /** An indicator's series breaks and readings, once every indicator they could name is defined. */
    private void planSeries(PlanDocument.Indicator indicator) {
        for (PlanDocument.SeriesBreak seriesBreak : indicator.seriesBreaks()) {
            // One break per indicator per day: the same again is a no-op, another on that day is refused (not applied).
            out.ensure("series break '" + indicator.id() + "' " + seriesBreak.on(), new RecordSeriesBreak(planId,
                    indicator.id(), seriesBreak.on(), seriesBreak.reason(), seriesBreak.newBaselinePending(), null, null));
        }
        var storedReadings = stored.readings.getOrDefault(indicator.id(), java.util.Map.of());
        for (PlanDocument.Reading reading : indicator.readings()) {
            String record = (reading.peer() ? "peer reading '" : "reading '") + indicator.id() + "' " + reading.period();
            StoredPlan.ReadingState current = storedReadings.get(StoredPlan.readingKey(reading.period(), reading.peer()));
            if (current == null) {
                out.create(record, new RecordIndicatorReading(planId, indicator.id(),
                        readingId(indicator.id(), reading.period(), reading.peer()), reading.value(), reading.period(),
                        reading.costPence(), reading.note(), reading.source(), reading.peer() ? "PEER" : null,
                        Periods.end(reading.period()), null));
                continue;
            }
            List<String> changed = new ArrayList<>();
            if (!sameNumber(current.value(), reading.value())) {
                changed.add("value (the file says " + reading.value().toPlainString() + ", the store "
                        + current.value().toPlainString() + ")");
            }
            differs(changed, "costPence", current.costPence(), reading.costPence());
            differs(changed, "note", current.note(), reading.note());
            if (!Objects.equals(current.source(), reading.source())) {
                out.notApplied(record + ": source differs from the store; no command changes a reading's source");
            }
            if (changed.isEmpty()) {
                if (Objects.equals(current.source(), reading.source())) {
                    out.unchanged(record);
                }
            } else if (current.readingId() == null) {
                out.notApplied(record + ": " + String.join(", ", changed)
                        + " differ from the store, whose reading has no id to correct it by");
            } else {
                // A published figure revised: corrected in place, effective today, so a replay before now shows the original.
                out.revise(record, new CorrectIndicatorReading(planId, indicator.id(), current.readingId(),
                        reading.value(), reading.costPence(), reading.note(), reason, null, null), changed);
            }
        }
    }

    private void planAction(String objectiveId, PlanDocument.Action action) {
        String actionId = action.id();
        String record = "action '" + actionId + "'";
        List<Lead> leads = action.leads().stream()
                .map(lead -> new Lead(lead.nameWithRole(), lead.organisation(), leadUserIds.apply(action, lead)))
                .toList();
        // A date the file leaves null stays null: the domain holds the action as ongoing (never overdue).
        LocalDate start = action.startDate();
        LocalDate end = action.endDate();
        StoredPlan.ActionState current = stored.registeredActions.contains(actionId) ? stored.actions.get(actionId) : null;
        if (current == null || current.title == null) {
            out.create(record, new AddAction(planId, actionId, objectiveId, action.title(),
                    action.outputs(), action.monitoringIndicators(), action.resources(), leads, action.partners(),
                    start, end, action.risks(), actionDate(document, action), null));
        } else {
            // A login the store links to a lead stays linked when the file names the same lead without one.
            List<Lead> stillLinked = leads.stream().map(lead -> lead.userId() != null ? lead : current.leads.stream()
                    .filter(known -> known.name().equals(lead.name())
                            && Objects.equals(known.organisation(), lead.organisation()))
                    .findFirst().orElse(lead)).toList();
            reviseAction(record, objectiveId, action, current, stillLinked, start, end);
        }
        planHistory(action, current);
    }

    private void reviseAction(String record, String objectiveId, PlanDocument.Action action, StoredPlan.ActionState current,
                              List<Lead> leads, LocalDate start, LocalDate end) {
        String actionId = action.id();
        boolean same = true;
        if (!objectiveId.equals(current.objectiveId)) {
            out.notApplied(record + ": the file puts it under objective '" + objectiveId + "', the store under '"
                    + current.objectiveId + "'; no command moves an action");
        }
        List<String> details = new ArrayList<>();
        differs(details, "title", current.title, action.title());
        differs(details, "outputs", current.outputs, action.outputs());
        differs(details, "monitoringIndicators", current.monitoringIndicators, action.monitoringIndicators());
        differs(details, "resources", current.resources, action.resources());
        differs(details, "partners", current.partners, action.partners());
        differs(details, "risks", current.risks, action.risks());
        if (!details.isEmpty()) {
            same = false;
            out.revise(record, new ReviseActionDetails(actionId, action.title(), action.outputs(),
                    action.monitoringIndicators(), action.resources(), action.partners(), action.risks(), reason,
                    null, null), details);
        }
        List<String> dates = new ArrayList<>();
        differs(dates, "startDate", current.startDate, start);
        differs(dates, "endDate", current.endDate, end);
        if (!dates.isEmpty()) {
            same = false;
            if (start != null && end != null) {
                out.revise(record, new RescheduleAction(actionId, start, end, reason, null, null), dates);
            } else {
                out.notApplied(record + ": " + String.join(", ", dates) + " differ from the store, and the file leaves "
                        + (start == null && end == null ? "both dates" : start == null ? "the start date" : "the end date")
                        + " open; RescheduleAction needs both dates, so no command makes a dated action ongoing");
            }
        }
        if (!Objects.equals(current.leads, leads)) {
            same = false;
            out.revise(record, new ChangeActionLeads(actionId, leads, reason, null, null), List.of("leads"));
        }
        if (same) {
            out.unchanged(record);
        }
    }

    private void planHistory(PlanDocument.Action action, StoredPlan.ActionState current) {
        String actionId = action.id();
        // The action's history in the order it happened, so the stream reads as the document does.
        List<Dated> history = new ArrayList<>();
        for (int n = 0; n < action.progress().size(); n++) {
            PlanDocument.Note note = action.progress().get(n);
            String noteId = actionId + ".n" + (n + 1);
            String record = "progress note '" + noteId + "'";
            StoredPlan.NoteState existing = current == null ? null : current.notes.get(noteId);
            if (existing == null) {
                history.add(new Dated(ProgressPeriod.effectiveDate(note.period()), record,
                        new RecordProgress(actionId, noteId, note.period(), note.text(), note.achieved(), note.planned(),
                                note.undated() ? Boolean.TRUE : null, null), ImportPlan.Change.CREATE));
            } else if (existing.withdrawn()) {
                out.notApplied(record + ": withdrawn in the store; an import does not bring a withdrawn note back");
            } else {
                if (!existing.period().equals(note.period().trim())) {
                    out.notApplied(record + ": the file dates it " + note.period() + ", the store " + existing.period()
                            + "; no command changes a note's period");
                }
                List<String> figures = new ArrayList<>();
                if (!sameNumber(existing.achieved(), note.achieved())) {
                    figures.add("achieved");
                }
                if (!sameNumber(existing.planned(), note.planned())) {
                    figures.add("planned");
                }
                if (existing.undated() != note.undated()) {
                    out.notApplied(record + ": the file " + (note.undated() ? "marks it undated" : "dates it")
                            + ", the store " + (existing.undated() ? "holds it undated" : "holds it dated")
                            + "; no command changes whether a note is dated");
                }
                if (!figures.isEmpty()) {
                    out.notApplied(record + ": " + String.join(", ", figures) + " differ from the store; no command "
                            + "corrects a note's figures (CorrectProgressNote corrects its text)");
                }
                if (!existing.text().equals(note.text())) {
                    out.revise(record, new CorrectProgressNote(actionId, noteId, note.text(), reason, null, null),
                            List.of("text"));
                } else if (existing.period().equals(note.period().trim()) && figures.isEmpty()
                        && existing.undated() == note.undated()) {
                    out.unchanged(record);
                }
            }
        }
        for (int t = 0; t < action.referralTallies().size(); t++) {
            PlanDocument.ReferralTally tally = action.referralTallies().get(t);
            String tallyId = actionId + ".t" + (t + 1);
            // A null totalCostPence is sent as null: the cost is unknown, not zero.
            history.add(new Dated(tally.to(), "referral tally '" + tallyId + "'", new TallyReferrals(actionId,
                    tallyId, tally.from(), tally.to(), tally.count(), tally.totalCostPence(), tally.note(), null, null),
                    ImportPlan.Change.ENSURE));
        }
        for (int f = 0; f < action.funding().size(); f++) {
            PlanDocument.Funding funding = action.funding().get(f);
            String fundingId = actionId + ".f" + (f + 1);
            history.add(new Dated(funding.effectiveOn(), "funding '" + fundingId + "'", new AllocateFunding(actionId,
                    fundingId, funding.amountPence(), funding.source(), FinancialYear.parse(funding.financialYear()),
                    funding.effectiveOn(), null), ImportPlan.Change.ENSURE));
        }
        for (int s = 0; s < action.spend().size(); s++) {
            PlanDocument.Spend spend = action.spend().get(s);
            String spendId = actionId + ".s" + (s + 1);
            history.add(new Dated(spend.effectiveOn(), "spend '" + spendId + "'", new RecordSpend(actionId,
                    spendId, spend.amountPence(), spend.description(), FinancialYear.parse(spend.financialYear()),
                    spend.effectiveOn(), null), ImportPlan.Change.ENSURE));
        }
        for (int r = 0; r < action.rag().size(); r++) {
            PlanDocument.Rag rag = action.rag().get(r);
            String ratingId = actionId + ".r" + (r + 1);
            history.add(new Dated(rag.effectiveOn(), "rating '" + ratingId + "'", new AssessRag(actionId, ratingId,
                    rag.status(), rag.reason(), rag.effectiveOn(), null), ImportPlan.Change.ENSURE));
        }
        // A stable sort keeps the document's order among entries of the same date.
        history.sort(Comparator.comparing(Dated::on));
        for (Dated dated : history) {
            if (dated.change() == ImportPlan.Change.CREATE) {
                out.create(dated.record(), dated.command());
            } else {
                out.ensure(dated.record(), dated.command());
            }
        }

        PlanDocument.Closure closure = action.closure();
        // An action closes at most once in a file; ".c1" leaves room should the format ever allow reopening.
        String closureId = actionId + ".c1";
        if (closure != null) {
            out.ensure("closure '" + closureId + "'", closure.kind() == PlanDocument.Closure.Kind.COMPLETED
                    ? new CompleteAction(actionId, closureId, closure.reason(), closure.effectiveOn(), null)
                    : new CeaseAction(actionId, closureId, closure.reason(), closure.effectiveOn(), null));
            // An action closes once: a retirement beside a closure is kept in the file only.
            out.notYet("action retirements beside a closure", action.retired() == null ? 0 : 1);
        } else if (action.retired() != null) {
            // An action retired at a refresh stops there: the domain's word for that is ceasing it.
            out.ensure("closure '" + closureId + "'", new CeaseAction(actionId, closureId, action.retired().reason(),
                    action.retired().on(), null));
        }
    }

    private static LocalDate firstNonNull(LocalDate... dates) {
        return Stream.of(dates).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private record Dated(LocalDate on, String record, Object command, ImportPlan.Change change) {
    }

    /** When a title change took effect: the last former title's end, when the store still has that title. */
    private static LocalDate renamedOn(String storedTitle, String title, List<PlanDocument.FormerTitle> former) {
        if (!storedTitle.equals(title) && !former.isEmpty() && former.get(former.size() - 1).title().equals(storedTitle)) {
            return former.get(former.size() - 1).until();
        }
        return null;
    }

    private static Baseline baseline(PlanDocument.Indicator indicator) {
        PlanDocument.Baseline baseline = indicator.baseline();
        return baseline == null ? null
                : new Baseline(baseline.value(), baseline.period(), baseline.source(), baseline.text());
    }

    static Target target(PlanDocument.Target target) {
        TargetKind kind = switch (target.kind()) {
            case ABSOLUTE -> TargetKind.ABSOLUTE;
            case PERCENT_CHANGE -> TargetKind.PERCENT_CHANGE;
            case IMPROVE_ON_PREVIOUS -> TargetKind.IMPROVE_ON_PREVIOUS;
            case PEER_COMPARISON -> TargetKind.PEER_COMPARISON;
            case MONITOR_ONLY -> TargetKind.MONITOR_ONLY;
        };
        return new Target(kind, kind == TargetKind.MONITOR_ONLY ? null : target.value(), target.wording(),
                target.baselinePeriod(), target.peerGroup());
    }

    private static boolean sameBaseline(Baseline a, Baseline b) {
        if (a == null || b == null) {
            return a == b;
        }
        return sameNumber(a.value(), b.value()) && Objects.equals(a.period(), b.period())
                && Objects.equals(a.source(), b.source()) && Objects.equals(a.text(), b.text());
    }

    private static boolean sameTarget(Target a, Target b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.kind() == b.kind() && sameNumber(a.value(), b.value()) && Objects.equals(a.text(), b.text())
                && Objects.equals(a.baselinePeriod(), b.baselinePeriod()) && Objects.equals(a.peerGroup(), b.peerGroup());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? a == b : a.compareTo(b) == 0;
    }

    private static void differs(List<String> changed, String field, Object stored, Object file) {
        Object left = stored instanceof List<?> list && list.isEmpty() ? null : stored;
        Object right = file instanceof List<?> list && list.isEmpty() ? null : file;
        if (!Objects.equals(left, right)) {
            changed.add(field);
        }
    }

    /** The date the action exists from: its {@code from} date, else the earliest date the document states for it. */
    static LocalDate actionDate(PlanDocument document, PlanDocument.Action action) {
        if (action.from() != null) {
            return action.from();
        }
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
                .orElse(document.plan().draftedOn());
    }

    static LocalDate structureDate(PlanDocument document) {
        LocalDate earliest = document.plan().draftedOn();
        for (PlanDocument.BoardMeeting meeting : document.boardMeetings()) {
            earliest = meeting.date().isBefore(earliest) ? meeting.date() : earliest;
        }
        for (PlanDocument.Action action : document.allActions()) {
            if (action.from() == null) {
                LocalDate date = actionDate(document, action);
                if (date.isBefore(earliest)) {
                    earliest = date;
                }
            }
        }
        return earliest;
    }
}
