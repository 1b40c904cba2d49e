package org.planledger.query.replay;

import org.planledger.events.*;
import org.planledger.query.api.LatestNote;
import org.planledger.query.plan.ActionView;
import org.planledger.query.plan.IndicatorView;
import org.planledger.query.plan.NoteView;
import org.planledger.query.plan.ObjectiveView;
import org.planledger.query.plan.PlanView;
import org.planledger.query.plan.PriorityView;
import org.planledger.query.plan.ReadingView;
import org.planledger.query.plan.ReferralCaseView;
import org.planledger.query.plan.RiskView;
import org.planledger.query.support.RecordedEvent;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.planledger.query.replay.ChangeKind.*;

/**
 * How each event reads to people, in one place: one exhaustive {@code switch} over the sealed
 * events gives every event its {@link ChangeKind kind} (what an auditor filters by), its plain label
 * ("RAG rating given"), the reason it carries itself (shown when the metadata gives none), and what
 * it changed. A new event does not compile until it has its {@code case} here, and every list of
 * labels and kinds (the audit filter, the page, the CSV) is derived from this switch.
 *
 * <p>What an event changed is worked out by comparing the plan's state just before it with the state
 * just after it (both from {@link org.planledger.query.plan.PlanReducer}), so "before" is what the
 * journal says it was at that point, never a guess; values are text for display.
 *
 * <p>The label and kind of a stored type name (the journal keeps names) are read by describing a
 * blank instance of the type (every component null, zero or false): they depend on the type alone,
 * and the changes, which need the real values, are only worked out when asked for.
 *
 * <p>The instance methods word changed fields and values for the pages ({@code label}, {@code field},
 * {@code value}, {@code change}); the object holds no state.
 */
public final class EventDescriptions {

    /** One event as people read it; {@code changes} says what it changed when given the plan's state around it. */
    public record EventDescription(ChangeKind kind, String label, String reason, ChangesMade changes) {
    }

    /** What an event changed, from the plan's state just before and just after it. */
    @FunctionalInterface
    public interface ChangesMade {
        void add(List<Change> changes, PlanView before, PlanView after);

        default List<Change> between(PlanView before, PlanView after) {
            List<Change> changes = new ArrayList<>();
            add(changes, before, after);
            return changes;
        }
    }

    /** An action event's changes, from the action just before and just after it (empty where it did not exist). */
    @FunctionalInterface
    private interface ActionChanges {
        void add(List<Change> changes, Optional<ActionView> was, Optional<ActionView> now);
    }

    private static final ChangesMade NOTHING = (changes, before, after) -> { };

    public static EventDescription of(PlanLedgerEvent event) {
        return switch (event) {
            // ---- the plan's own stream
            case PlanDrafted e -> reads(PLAN, "Plan drafted", null,
                    (c, before, after) -> c.add(new Change("PLAN_DRAFTED", null, e.planId(), "title", null, e.title())));
            case PlanClosed e -> reads(PLAN, "Plan closed", e.reason(),
                    (c, before, after) -> c.add(new Change("PLAN_CLOSED", null, e.planId(), "closed", text(before.closed()), text(after.closed()))));
            case PlanLabelledFictional e -> reads(PLAN, "Plan labelled a fictional example", null,
                    (c, before, after) -> c.add(new Change("PLAN_LABELLED_FICTIONAL", null, e.planId(), "fictional",
                            before.fictionNote(), after.fictionNote())));
            case PlanShared e -> reads(PLAN, "Plan shared with another partnership", e.reason(),
                    (c, before, after) -> c.add(new Change("PLAN_SHARED", null, e.withPartnershipId(), "sharedWith", null,
                            e.withPartnershipId())));
            case PlanShareWithdrawn e -> reads(PLAN, "Plan share withdrawn", e.reason(),
                    (c, before, after) -> c.add(new Change("PLAN_SHARE_WITHDRAWN", null, e.withPartnershipId(),
                            "sharedWith", e.withPartnershipId(), null)));
            case PlanRefreshed e -> reads(PLAN, "Plan refreshed for the year", null,
                    (c, before, after) -> c.add(new Change("PLAN_REFRESHED", null, e.planId(), "refresh", null, e.note())));
            case BoardMeetingRecorded e -> reads(MEETING, "Board meeting recorded", null,
                    (c, before, after) -> c.add(new Change("BOARD_MEETING", null, e.meetingId(), "boardMeeting", null,
                            e.heldOn() + " " + e.title())));
            case BoardPackIssued e -> reads(MEETING, "Board pack issued", null,
                    (c, before, after) -> c.add(new Change("BOARD_PACK_ISSUED", null, e.packId(), "boardPack", null,
                            "as at " + e.asAt() + ", PDF SHA-256 " + e.pdfSha256())));
            // a setting of how updates arrive, not of the plan: listed by its label, no values changed
            case UpdateApprovalRequired e -> reads(APPROVAL, "Plan's approval of updates turned on or off", null, NOTHING);
            case PlanMemberRecorded e -> reads(MEMBER, "Partnership member recorded", null,
                    (c, before, after) -> c.add(new Change(before.members().stream()
                            .anyMatch(m -> m.memberId().equals(e.memberId())) ? "MEMBER_REVISED" : "MEMBER_RECORDED", null,
                            e.memberId(), "member", null, member(e))));
            case PriorityAdded e -> reads(PRIORITY, "Priority added", null,
                    (c, before, after) -> c.add(new Change("PRIORITY_ADDED", null, e.priorityId(), "title", null, e.title())));
            case PriorityRevised e -> reads(PRIORITY, "Priority revised", null, (c, before, after) -> {
                Optional<PriorityView> was = before.priority(e.priorityId());
                Optional<PriorityView> now = after.priority(e.priorityId());
                field(c, "PRIORITY_REVISED", null, e.priorityId(), "title", was.map(PriorityView::title), now.map(PriorityView::title));
                field(c, "PRIORITY_REVISED", null, e.priorityId(), "leads", was.map(p -> joined(p.leads())), now.map(p -> joined(p.leads())));
            });
            case PriorityRetired e -> reads(PRIORITY, "Priority retired", e.reason(),
                    (c, before, after) -> c.add(new Change("PRIORITY_RETIRED", null, e.priorityId(), "retired", "false", "true")));
            case ObjectiveAdded e -> reads(PRIORITY, "Objective added", null,
                    (c, before, after) -> c.add(new Change("OBJECTIVE_ADDED", null, e.objectiveId(), "title", null, e.title())));
            case ObjectiveRevised e -> reads(PRIORITY, "Objective revised", null, (c, before, after) -> {
                Optional<ObjectiveView> was = before.objective(e.objectiveId());
                Optional<ObjectiveView> now = after.objective(e.objectiveId());
                field(c, "OBJECTIVE_REVISED", null, e.objectiveId(), "title", was.map(ObjectiveView::title), now.map(ObjectiveView::title));
                field(c, "OBJECTIVE_REVISED", null, e.objectiveId(), "outcomes", was.map(o -> joined(o.outcomes())),
                        now.map(o -> joined(o.outcomes())));
            });
            // the retirement's own reason is kept as a change too: an import's audit reason names only the file
            case ObjectiveRetired e -> reads(PRIORITY, "Objective retired", e.reason(), (c, before, after) -> retired(c,
                    "OBJECTIVE_RETIRED", e.objectiveId(), before.objective(e.objectiveId()).map(o -> text(o.retired())), e.reason()));
            case IndicatorDefined e -> reads(INDICATOR, "Indicator added", null,
                    (c, before, after) -> c.add(new Change("INDICATOR_ADDED", null, e.indicatorId(), "name", null, e.name())));
            case IndicatorRebaselined e -> reads(INDICATOR, "Baseline or target changed", e.reason(), (c, before, after) -> {
                Optional<IndicatorView> was = before.indicator(e.indicatorId());
                Optional<IndicatorView> now = after.indicator(e.indicatorId());
                field(c, "BASELINE_CHANGED", null, e.indicatorId(), "baseline", was.map(i -> baseline(i.baseline())), now.map(i -> baseline(i.baseline())));
                field(c, "TARGET_CHANGED", null, e.indicatorId(), "target", was.map(i -> target(i.target())), now.map(i -> target(i.target())));
                field(c, "TARGET_CHANGED", null, e.indicatorId(), "changeRequired", was.map(IndicatorView::changeRequired),
                        now.map(IndicatorView::changeRequired));
            });
            case IndicatorLinked e -> reads(INDICATOR, "Indicator linked to another objective", null,
                    (c, before, after) -> c.add(new Change("INDICATOR_LINKED", null, e.indicatorId(), "objective", null, e.objectiveId())));
            case IndicatorSeriesBroken e -> reads(INDICATOR, "Indicator series broken", e.reason(),
                    (c, before, after) -> c.add(new Change("SERIES_BROKEN", null, e.indicatorId(), "seriesBreak", null,
                            e.breakOn() + ": " + e.reason())));
            case IndicatorRetired e -> reads(INDICATOR, "Indicator retired", e.reason(), (c, before, after) -> retired(c,
                    "INDICATOR_RETIRED", e.indicatorId(), before.indicator(e.indicatorId()).map(i -> text(i.retired())), e.reason()));
            // the reading itself: an earlier period's figure or a peer's does not move the latest, yet it is news
            case IndicatorReadingRecorded e -> reads(READING, "Indicator reading recorded", null,
                    (c, before, after) -> c.add(new Change("INDICATOR_READING", null, e.indicatorId(),
                            e.peer() ? "peerReading" : "reading", null, e.value() + " (" + e.period() + ")")));
            case IndicatorReadingCorrected e -> reads(READING, "Indicator reading corrected", e.reason(),
                    (c, before, after) -> readingCorrected(c, before, after, e));
            // the write side's bookkeeping; the action's own ActionAdded says what was added
            case ActionRegistered e -> reads(ACTION_ADDED, "Action registered in the plan", null, NOTHING);
            // ---- an action's stream
            case ActionAdded e -> reads(ACTION_ADDED, "Action added", null,
                    (c, before, after) -> c.add(new Change("ACTION_ADDED", e.actionId(), null, "title", null, e.title())));
            case ActionRescheduled e -> reads(ACTION_CHANGED, "Action dates changed", e.reason(), action(e, (c, was, now) -> {
                field(c, "DATES_CHANGED", e.actionId(), null, "startDate", was.map(a -> text(a.startDate())), now.map(a -> text(a.startDate())));
                field(c, "DATES_CHANGED", e.actionId(), null, "endDate", was.map(a -> text(a.endDate())), now.map(a -> text(a.endDate())));
            }));
            case ActionLeadsChanged e -> reads(ACTION_CHANGED, "Action leads changed", e.reason(), action(e, (c, was, now) ->
                    field(c, "LEADS_CHANGED", e.actionId(), null, "leads", was.map(a -> leads(a.leads())), now.map(a -> leads(a.leads())))));
            case ActionDetailsRevised e -> reads(ACTION_CHANGED, "Action details revised", e.reason(), action(e, (c, was, now) -> {
                field(c, "DETAILS_REVISED", e.actionId(), null, "title", was.map(ActionView::title), now.map(ActionView::title));
                field(c, "DETAILS_REVISED", e.actionId(), null, "outputs", was.map(a -> joined(a.outputs())), now.map(a -> joined(a.outputs())));
                field(c, "DETAILS_REVISED", e.actionId(), null, "resources", was.map(a -> joined(a.resources())), now.map(a -> joined(a.resources())));
                field(c, "DETAILS_REVISED", e.actionId(), null, "partners", was.map(a -> joined(a.partners())), now.map(a -> joined(a.partners())));
            }));
            // a completion's note is what was achieved (the history's detail), not why
            case ActionCompleted e -> reads(ACTION_STATUS, "Action completed", null, status("ACTION_COMPLETED", e));
            case ActionCeased e -> reads(ACTION_STATUS, "Action ceased", e.reason(), status("ACTION_CEASED", e));
            case ActionReopened e -> reads(ACTION_STATUS, "Action reopened", e.reason(), status("ACTION_REOPENED", e));
            // a re-rating with the same colour still matters to the board (a new reason), so it is always said
            case RagAssessed e -> reads(RAG, "RAG rating given", e.reason(), action(e, (c, was, now) ->
                    c.add(new Change("RAG_CHANGED", e.actionId(), null, "rag", was.map(a -> text(a.rag())).orElse(null), text(e.rag())))));
            case ProgressRecorded e -> reads(NOTE, "Progress note recorded", null, (c, before, after) -> {
                String quantity = LatestNote.quantity(e.achieved(), e.planned());
                c.add(new Change("NOTE_ADDED", e.actionId(), e.noteId(), "note", null,
                        e.period() + ": " + e.text() + (quantity == null ? "" : " (" + quantity + ")")));
            });
            case ProgressNoteCorrected e -> reads(NOTE_FIXED, "Progress note corrected", e.reason(), action(e, (c, was, now) ->
                    c.add(new Change("NOTE_CORRECTED", e.actionId(), e.noteId(), "text",
                            was.flatMap(a -> note(a, e.noteId())).map(NoteView::text).orElse(null), e.text()))));
            case ProgressNoteWithdrawn e -> reads(NOTE_FIXED, "Progress note withdrawn", e.reason(), action(e, (c, was, now) ->
                    c.add(new Change("NOTE_WITHDRAWN", e.actionId(), e.noteId(), "withdrawn",
                            was.flatMap(a -> note(a, e.noteId())).map(n -> text(n.withdrawn())).orElse(null), "true"))));
            case FundingAllocated e -> reads(MONEY, "Funding allocated", null, action(e, (c, was, now) ->
                    field(c, "FUNDING_ALLOCATED", e.actionId(), e.fundingId(), "funding " + e.financialYear(),
                            was.map(a -> pence(a.totalsFor(e.financialYear()).fundingPence())),
                            now.map(a -> pence(a.totalsFor(e.financialYear()).fundingPence())))));
            case SpendRecorded e -> reads(MONEY, "Spend recorded", null, action(e, (c, was, now) ->
                    field(c, "SPEND_RECORDED", e.actionId(), e.spendId(), "spend " + e.financialYear(),
                            was.map(a -> pence(a.totalsFor(e.financialYear()).spendPence())),
                            now.map(a -> pence(a.totalsFor(e.financialYear()).spendPence())))));
            case RiskIdentified e -> reads(RISK, "Risk identified", null, (c, before, after) -> c.add(new Change("RISK_IDENTIFIED",
                    e.actionId(), e.riskId(), "risk", null, e.likelihood() + "x" + e.impact() + " " + e.description())));
            case RiskReassessed e -> reads(RISK, "Risk reassessed", e.reason(), action(e, (c, was, now) -> {
                Optional<RiskView> wasRisk = was.flatMap(a -> risk(a, e.riskId()));
                Optional<RiskView> nowRisk = now.flatMap(a -> risk(a, e.riskId()));
                field(c, "RISK_REASSESSED", e.actionId(), e.riskId(), "likelihood x impact",
                        wasRisk.map(r -> r.likelihood() + "x" + r.impact()), nowRisk.map(r -> r.likelihood() + "x" + r.impact()));
                field(c, "RISK_REASSESSED", e.actionId(), e.riskId(), "owner", wasRisk.map(RiskView::owner), nowRisk.map(RiskView::owner));
                field(c, "RISK_REASSESSED", e.actionId(), e.riskId(), "mitigation", wasRisk.map(RiskView::mitigation),
                        nowRisk.map(RiskView::mitigation));
            }));
            case RiskClosed e -> reads(RISK, "Risk closed", e.reason(),
                    (c, before, after) -> c.add(new Change("RISK_CLOSED", e.actionId(), e.riskId(), "open", "true", "false")));
            case ReferralsTallied e -> reads(TALLY, "Referrals counted for a period", null, (c, before, after) -> c.add(
                    new Change("REFERRALS_TALLIED", e.actionId(), e.tallyId(), "referrals " + e.periodFrom() + ".." + e.periodTo(),
                            null, e.count() + " referrals, " + (e.totalCostPence() == null ? "cost unknown" : pence(e.totalCostPence())))));
            // submitted, approved or returned updates are not changes to the plan: an approved one is
            // described by the ProgressRecorded or RagAssessed that follows its approval
            case UpdateApprovalSet e -> reads(APPROVAL, "Action follows the plan's approval setting", null, NOTHING);
            case ProgressSubmitted e -> reads(APPROVAL, "Update submitted for approval", e.ragReason(), NOTHING);
            case ProgressApproved e -> reads(APPROVAL, "Update approved", null, NOTHING);
            case ProgressReturned e -> reads(APPROVAL, "Update returned to its lead", e.reason(), NOTHING);
            case UpdateReminderSent e -> reads(REMINDER, "Update reminder sent", null, NOTHING);
            // the write side's bookkeeping; the case's own ReferralRecorded says what was received
            case ReferralRegistered e -> reads(REFERRAL, "Referral case registered on the action", null, NOTHING);
            // ---- a referral case's stream; a recorded referral's reason is why the person was referred, not a change's
            case ReferralRecorded e -> reads(REFERRAL, "Referral received", null, caseStatus("REFERRAL_RECORDED", e, ""));
            case ReferralAccepted e -> reads(REFERRAL, "Referral accepted", null, caseStatus("REFERRAL_ACCEPTED", e, ""));
            case ReferralDeclined e -> reads(REFERRAL, "Referral declined", e.reason(), caseStatus("REFERRAL_DECLINED", e, ""));
            case ReferralClosed e -> reads(REFERRAL, "Referral closed", null,
                    caseStatus("REFERRAL_CLOSED", e, " (" + pence(e.costPence()) + ")"));
            case ReferralSubjectErased e -> reads(REFERRAL, "Referral subject's personal data erased", e.rule(),
                    (c, before, after) -> c.add(new Change("SUBJECT_ERASED", e.actionId(), e.referralId(),
                            "subject data", null, "erased (" + e.rule() + ")")));
        };
    }

    /** What the event changed, given the plan's state just before and just after it. */
    public static List<Change> changes(PlanView before, PlanView after, RecordedEvent recorded) {
        return of(recorded.event()).changes().between(before, after);
    }

    /** The reason the metadata gives, else the reason the event itself carries, if any. */
    public static String reason(RecordedEvent recorded) {
        String given = recorded.audit().reason();
        return given != null && !given.isBlank() ? given : of(recorded.event()).reason();
    }

    /** The kind of change a stored event type falls under; empty for a name no event has. */
    public static Optional<ChangeKind> kindOf(String eventType) {
        return Optional.ofNullable(ByType.DESCRIPTIONS.get(eventType)).map(EventDescription::kind);
    }

    /** The stored names of the event types a kind of change stands for. */
    public static Set<String> eventTypes(ChangeKind kind) {
        Set<String> types = new LinkedHashSet<>();
        ByType.DESCRIPTIONS.forEach((type, description) -> {
            if (description.kind() == kind) {
                types.add(type);
            }
        });
        return types;
    }

    /** The type-only part (kind, label) of every event's description, by stored name; see the class comment. */
    private static final class ByType {
        static final Map<String, EventDescription> DESCRIPTIONS = describeEveryType();

        private static Map<String, EventDescription> describeEveryType() {
            Map<String, EventDescription> byName = new LinkedHashMap<>();
            for (Class<? extends PlanLedgerEvent> type : EventTypes.all()) {
                byName.put(type.getSimpleName(), of(blank(type)));
            }
            return Map.copyOf(byName);
        }

        private static PlanLedgerEvent blank(Class<? extends PlanLedgerEvent> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                // null, or the primitive's zero (an array's first element holds it)
                values[i] = types[i].isPrimitive() ? Array.get(Array.newInstance(types[i], 1), 0) : null;
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot describe " + type.getSimpleName(), e);
            }
        }
    }

    private static EventDescription reads(ChangeKind kind, String label, String reason, ChangesMade changes) {
        return new EventDescription(kind, label, reason, changes);
    }

    private static ChangesMade action(ActionEvent event, ActionChanges changes) {
        return (c, before, after) -> changes.add(c, before.action(event.actionId()), after.action(event.actionId()));
    }

    private static ChangesMade status(String kind, ActionEvent e) {
        return action(e, (c, was, now) -> field(c, kind, e.actionId(), null, "status",
                was.map(a -> text(a.status())), now.map(a -> text(a.status()))));
    }

    /** A referral case's status before and after, with what closing it cost where it was closed. */
    private static ChangesMade caseStatus(String kind, ReferralEvent e, String suffix) {
        return action(e, (c, was, now) -> c.add(new Change(kind, e.actionId(), e.referralId(), "status",
                was.flatMap(a -> referral(a, e.referralId())).map(r -> text(r.status())).orElse(null),
                now.flatMap(a -> referral(a, e.referralId())).map(r -> text(r.status())).orElse(null) + suffix)));
    }

    private static void retired(List<Change> c, String kind, String id, Optional<String> wasRetired, String reason) {
        c.add(new Change(kind, null, id, "retired", wasRetired.orElse(null), "true"));
        c.add(new Change(kind, null, id, "retiredBecause", null, reason));
    }

    /** Before and after of each figure the correction changed, named by the reading's period. */
    private static void readingCorrected(List<Change> c, PlanView before, PlanView after, IndicatorReadingCorrected e) {
        Optional<ReadingView> was = before.indicator(e.indicatorId()).flatMap(i -> reading(i, e.readingId()));
        Optional<ReadingView> now = after.indicator(e.indicatorId()).flatMap(i -> reading(i, e.readingId()));
        String period = now.or(() -> was).map(r -> " (" + r.period() + ")").orElse("");
        field(c, "READING_CORRECTED", null, e.indicatorId(), "reading" + period,
                was.map(r -> r.value().toPlainString()), now.map(r -> r.value().toPlainString()));
        field(c, "READING_CORRECTED", null, e.indicatorId(), "cost" + period,
                was.map(r -> r.costPence() == null ? null : pence(r.costPence())),
                now.map(r -> r.costPence() == null ? null : pence(r.costPence())));
        field(c, "READING_CORRECTED", null, e.indicatorId(), "note" + period, was.map(ReadingView::note), now.map(ReadingView::note));
    }

    /** Adds a change only when the value really changed. */
    private static void field(List<Change> changes, String kind, String actionId, String subjectId, String field,
                              Optional<String> before, Optional<String> after) {
        String was = before.orElse(null);
        String now = after.orElse(null);
        if (!Objects.equals(was, now)) {
            changes.add(new Change(kind, actionId, subjectId, field, was, now));
        }
    }

    private static Optional<ReadingView> reading(IndicatorView indicator, String readingId) {
        return indicator.readings().stream().filter(r -> readingId.equals(r.readingId())).findFirst();
    }

    private static Optional<NoteView> note(ActionView action, String noteId) {
        return action.notes().stream().filter(n -> n.noteId().equals(noteId)).findFirst();
    }

    private static Optional<RiskView> risk(ActionView action, String riskId) {
        return action.risks().stream().filter(r -> r.riskId().equals(riskId)).findFirst();
    }

    private static Optional<ReferralCaseView> referral(ActionView action, String referralId) {
        return action.referralCases().stream().filter(r -> r.referralId().equals(referralId)).findFirst();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String joined(List<String> values) {
        return String.join("; ", values);
    }

    private static String leads(List<Lead> leads) {
        return leads.stream().map(l -> l.organisation() == null ? l.name() : l.name() + " (" + l.organisation() + ")")
                .collect(Collectors.joining("; "));
    }

    private static String member(PlanMemberRecorded e) {
        String who = e.name() == null ? e.organisation() : e.organisation() == null ? e.name() : e.name() + ", " + e.organisation();
        return who + (e.role() == null ? "" : " (" + e.role() + ")")
                + (e.from() == null ? "" : " from " + e.from()) + (e.to() == null ? "" : " to " + e.to());
    }

    private static String baseline(Baseline baseline) {
        if (baseline == null) return null;
        return baseline.text() != null ? baseline.text() : baseline.value() + " (" + baseline.period() + ")";
    }

    private static String target(Target target) {
        if (target == null) return null;
        return target.text() != null ? target.text() : target.kind() + " " + target.value();
    }

    static String pence(long pence) {
        return String.format("£%d.%02d", pence / 100, Math.abs(pence % 100));
    }

    // ---- how the pages word them (audit page, CSV, the manage page's last change)

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("rag", "RAG rating"), Map.entry("note", "Progress note"), Map.entry("text", "Note text"),
            Map.entry("sharedWith", "Shared with partnership"),
            Map.entry("withdrawn", "Withdrawn"), Map.entry("startDate", "Start date"), Map.entry("endDate", "End date"),
            Map.entry("changeRequired", "Change required"), Map.entry("boardMeeting", "Board meeting"),
            Map.entry("peerReading", "Peer reading"), Map.entry("seriesBreak", "Series break"),
            Map.entry("likelihood x impact", "Likelihood × impact"), Map.entry("open", "Open"), Map.entry("closed", "Closed"),
            Map.entry("refresh", "Annual refresh"), Map.entry("objective", "Also under objective"));

    private static final Pattern LEADING_CODE = Pattern.compile("^([A-Z][A-Z_]+)\\b");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** "RagAssessed" as "RAG rating given"; a name no event has as its words ("Something happened"). */
    public String label(String eventType) {
        if (eventType == null) {
            return "";
        }
        EventDescription described = ByType.DESCRIPTIONS.get(eventType);
        return described != null ? described.label() : words(eventType);
    }

    /** "startDate" as "Start date", "rag" as "RAG rating". */
    public String field(String field) {
        if (field == null) {
            return "";
        }
        String known = FIELDS.get(field);
        return known != null ? known : words(field);
    }

    /**
     * A value as people read it: no rating as "Not rated", "AMBER" as "Amber", "CEASED (£150.00)" as
     * "Ceased (£150.00)", a date as "30 Jun 2013", true and false as "Yes" and "No"; nothing as "(none)".
     */
    public String value(String field, String value) {
        if (value == null || value.isEmpty()) {
            return "rag".equals(field) ? "Not rated" : "(none)";
        }
        if ("true".equals(value) || "false".equals(value)) {
            return "true".equals(value) ? "Yes" : "No";
        }
        if ("startDate".equals(field) || "endDate".equals(field)) {
            try {
                return DAY.format(LocalDate.parse(value));
            } catch (DateTimeParseException notADate) {
                return value;
            }
        }
        // the RAG and status codes only: free text such as "PCC bid pending" keeps its capitals
        Matcher code = LEADING_CODE.matcher(value);
        if (("rag".equals(field) || "status".equals(field)) && code.find()) {
            String word = code.group(1).toLowerCase(Locale.ROOT).replace('_', ' ');
            return Character.toUpperCase(word.charAt(0)) + word.substring(1) + value.substring(code.end());
        }
        return value;
    }

    /** "RAG rating: Not rated → Amber", the form the page's list and the CSV's changes column share. */
    public String change(String field, String before, String after, String arrow) {
        return field(field) + ": " + value(field, before) + " " + arrow + " " + value(field, after);
    }

    private static String words(String camelCase) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(camelCase.charAt(i - 1))) {
                words.append(' ').append(Character.toLowerCase(c));
            } else {
                words.append(i == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return words.toString();
    }
}
