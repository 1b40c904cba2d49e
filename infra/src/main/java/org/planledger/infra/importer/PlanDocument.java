package org.planledger.infra.importer;

import org.planledger.events.Cadence;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.RagStatus;
import org.planledger.events.TargetKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A whole plan in the interchange format (docs/plan-format.md, schema in
 * plans/plan-interchange.schema.json). Read only after the schema has accepted the file, so the
 * shapes here can be plain.
 */
public record PlanDocument(int formatVersion, Plan plan, List<Priority> priorities,
                           List<BoardMeeting> boardMeetings, List<Refresh> refreshes) {
    public PlanDocument {
        priorities = orEmpty(priorities);
        boardMeetings = orEmpty(boardMeetings);
        refreshes = orEmpty(refreshes);
    }

    public record Plan(String id, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                       Cadence cadence, LocalDate draftedOn, List<String> members) {
        public Plan {
            members = orEmpty(members);
        }
    }

    public record Priority(String id, String title, List<String> leads, List<String> focus,
                           List<Objective> objectives) {
        public Priority {
            leads = orEmpty(leads);
            focus = orEmpty(focus);
            objectives = orEmpty(objectives);
        }
    }

    public record Objective(String id, String title, List<String> outcomes, List<Indicator> indicators,
                            List<Action> actions) {
        public Objective {
            outcomes = orEmpty(outcomes);
            indicators = orEmpty(indicators);
            actions = orEmpty(actions);
        }
    }

    public record Indicator(String id, String name, IndicatorUnit unit, Direction direction, Baseline baseline,
                            Target target, String changeRequired, LocalDate dueOn, String lead) {
    }

    public record Baseline(BigDecimal value, String period, String source, String text) {
    }

    public record Target(TargetKind kind, BigDecimal value, String text) {
    }

    public record Action(String id, String title, List<String> outputs, List<String> monitoringIndicators,
                         List<String> resources, List<Lead> leads, List<String> partners, LocalDate startDate,
                         LocalDate endDate, List<String> risks, List<Note> progress,
                         List<ReferralTally> referralTallies, List<Funding> funding, List<Spend> spend,
                         List<Rag> rag, Closure closure) {
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

    public record Note(String period, String text, boolean undated) {
    }

    public record ReferralTally(LocalDate from, LocalDate to, int count, long totalCostPence, String note) {
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

    /** Optional lists may be left out of a file; an absent list is an empty one. */
    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
