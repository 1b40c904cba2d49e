package org.planledger.infra.importer;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.planledger.events.Cadence;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.RagStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A whole plan in the interchange format (docs/plan-format.md, schema in
 * plans/plan-interchange.schema.json), version 2 or 1. Read only after the schema and the rule
 * check have accepted the file, so the shapes here can be plain. Everything the schema accepts is
 * held here, including what no command can record (an action's retirement beside its closure):
 * {@link ImportPlanner} maps what it can and counts the rest as "not yet imported".
 */
public record PlanDocument(int formatVersion, Plan plan, List<Priority> priorities, List<Indicator> measures,
                           List<BoardMeeting> boardMeetings, List<Refresh> refreshes) {
    public PlanDocument {
        priorities = orEmpty(priorities);
        measures = orEmpty(measures);
        boardMeetings = orEmpty(boardMeetings);
        refreshes = orEmpty(refreshes);
    }

    public record Plan(String id, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                       Cadence cadence, LocalDate draftedOn, List<Member> members) {
        public Plan {
            members = orEmpty(members);
        }
    }

    /** A member agency or person; version 1 files (and version 2 files, for short) give only a name. */
    public record Member(String name, String organisation, String role, LocalDate from, LocalDate to) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Member named(String name) {
            return new Member(name, null, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static Member of(@JsonProperty("name") String name, @JsonProperty("organisation") String organisation,
                         @JsonProperty("role") String role, @JsonProperty("from") LocalDate from,
                         @JsonProperty("to") LocalDate to) {
            return new Member(name, organisation, role, from, to);
        }
    }

    /** {@code from}: added at a refresh on that date (absent before it); {@code retired}: retired then. */
    public record Priority(String id, String title, List<String> leads, List<String> focus,
                           List<Objective> objectives, List<Indicator> indicators, List<Action> actions,
                           LocalDate from, Retired retired, List<FormerTitle> formerTitles) {
        public Priority {
            leads = orEmpty(leads);
            focus = orEmpty(focus);
            objectives = orEmpty(objectives);
            indicators = orEmpty(indicators);
            actions = orEmpty(actions);
            formerTitles = orEmpty(formerTitles);
        }

        /** True when the priority holds indicators or actions of its own, outside any objective (its actions
         *  are imported under {@code <priorityId>.own}, its indicators as the priority's own measures). */
        public boolean holdsItsOwn() {
            return !indicators.isEmpty() || !actions.isEmpty();
        }
    }

    public record Objective(String id, String title, List<String> outcomes, List<Indicator> indicators,
                            List<Action> actions, LocalDate from, Retired retired, List<FormerTitle> formerTitles) {
        public Objective {
            outcomes = orEmpty(outcomes);
            indicators = orEmpty(indicators);
            actions = orEmpty(actions);
            formerTitles = orEmpty(formerTitles);
        }
    }

    public record Retired(LocalDate on, String reason) {
    }

    /** The title the record had until (the day before) {@code until}. */
    public record FormerTitle(String title, LocalDate until) {
    }

    public record Indicator(String id, String name, IndicatorUnit unit, Direction direction, Baseline baseline,
                            Target target, String changeRequired, LocalDate dueOn, String lead,
                            List<Reading> readings, List<SeriesBreak> seriesBreaks, LocalDate from, Retired retired) {
        public Indicator {
            readings = orEmpty(readings);
            seriesBreaks = orEmpty(seriesBreaks);
        }
    }

    public record Baseline(BigDecimal value, String period, String source, String text) {
    }

    /** The document's kinds; each becomes the domain's TargetKind of the same name. */
    public enum TargetKind { ABSOLUTE, PERCENT_CHANGE, IMPROVE_ON_PREVIOUS, PEER_COMPARISON, MONITOR_ONLY }

    /** {@code wording} is the target as the document words it ({@code text} in version 1 files). */
    public record Target(TargetKind kind, BigDecimal value, @JsonAlias("text") String wording, String baselinePeriod,
                         String peerGroup) {
    }

    /** {@code series}: null or {@code OWN} for the partnership's own figure, {@code PEER} for its peer group's. */
    public record Reading(String period, BigDecimal value, Long costPence, String note, String source, String series) {

        public boolean peer() {
            return "PEER".equals(series);
        }
    }

    public record SeriesBreak(LocalDate on, String reason, boolean newBaselinePending) {
    }

    public record Action(String id, String title, List<String> outputs, List<String> monitoringIndicators,
                         List<String> resources, List<Lead> leads, List<String> partners, LocalDate startDate,
                         LocalDate endDate, List<String> risks, List<Note> progress,
                         List<ReferralTally> referralTallies, List<Funding> funding, List<Spend> spend,
                         List<Rag> rag, Closure closure, LocalDate from, Retired retired) {
        public Action {
            outputs = orEmpty(outputs);
            monitoringIndicators = orEmpty(monitoringIndicators);
            resources = orEmpty(resources);
            leads = orEmpty(leads);
            partners = orEmpty(partners);
            risks = orEmpty(risks);
            progress = orEmpty(progress);
            referralTallies = orEmpty(referralTallies);
            funding = orEmpty(funding);
            spend = orEmpty(spend);
            rag = orEmpty(rag);
        }
    }

    public record Lead(String name, String organisation, String role, String userId) {

        /** The event keeps a name and an organisation; a role the document gives stays with the name. */
        public String nameWithRole() {
            return role == null || role.isBlank() ? name : name + " (" + role + ")";
        }
    }

    /** {@code planned}/{@code achieved}: the figures a note reports against, where the document gives them. */
    public record Note(String period, String text, boolean undated, BigDecimal planned, BigDecimal achieved) {
    }

    /** {@code totalCostPence} is null when the document does not say what the referrals cost. */
    public record ReferralTally(LocalDate from, LocalDate to, int count, Long totalCostPence, String note) {
    }

    public record Funding(long amountPence, String source, String financialYear, LocalDate effectiveOn) {
    }

    public record Spend(long amountPence, String description, String financialYear, LocalDate effectiveOn) {
    }

    public record Rag(RagStatus status, String reason, LocalDate effectiveOn) {
    }

    public record Closure(Kind kind, String reason, LocalDate effectiveOn) {
        public enum Kind { COMPLETED, CEASED }
    }

    public record BoardMeeting(String id, LocalDate date, String title) {
    }

    public record Refresh(LocalDate effectiveOn, String note) {
    }

    /** Every action of the plan, under objectives or held by a priority directly, in document order. */
    public List<Action> allActions() {
        List<Action> actions = new ArrayList<>();
        for (Priority priority : priorities) {
            for (Objective objective : priority.objectives()) {
                actions.addAll(objective.actions());
            }
            actions.addAll(priority.actions());
        }
        return actions;
    }

    /** Every indicator under a priority or objective (not the plan-level measures). */
    public List<Indicator> allIndicators() {
        List<Indicator> indicators = new ArrayList<>();
        for (Priority priority : priorities) {
            for (Objective objective : priority.objectives()) {
                indicators.addAll(objective.indicators());
            }
            indicators.addAll(priority.indicators());
        }
        return indicators;
    }

    public Stream<Objective> allObjectives() {
        return priorities.stream().flatMap(priority -> priority.objectives().stream());
    }

    /** Optional lists may be left out of a file; an absent list is an empty one. */
    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
