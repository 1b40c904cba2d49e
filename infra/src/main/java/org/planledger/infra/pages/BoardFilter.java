package org.planledger.infra.pages;

import org.planledger.events.Lead;
import org.planledger.events.RagStatus;
import org.planledger.query.api.BoardAction;
import org.planledger.query.api.BoardObjective;
import org.planledger.query.api.BoardPriority;
import org.planledger.query.api.BoardView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a reader narrowed the board to: one priority, one RAG ("NONE" for not rated), one lead (a
 * user id or a lead's name), only overdue, only stale. Narrowing only hides actions of the board
 * the query side worked out; it computes no flag or count of its own.
 */
public record BoardFilter(String priority, String rag, String lead, boolean overdue, boolean stale) {

    public BoardFilter {
        priority = blankToNull(priority);
        rag = blankToNull(rag) == null ? null : rag.strip().toUpperCase(Locale.ROOT);
        lead = blankToNull(lead);
    }

    public static BoardFilter none() {
        return new BoardFilter(null, null, null, false, false);
    }

    public boolean active() {
        return priority != null || rag != null || lead != null || overdue || stale;
    }

    /** The board with only the matching actions; priorities and objectives left empty are dropped when narrowing. */
    public BoardView apply(BoardView board) {
        if (!active()) {
            return board;
        }
        List<BoardPriority> priorities = new ArrayList<>();
        for (BoardPriority p : board.priorities()) {
            if (priority != null && !priority.equals(p.priorityId())) {
                continue;
            }
            List<BoardObjective> objectives = new ArrayList<>();
            for (BoardObjective o : p.objectives()) {
                List<BoardAction> actions = o.actions().stream().filter(this::matches).toList();
                boolean actionFilter = rag != null || lead != null || overdue || stale;
                if (!actions.isEmpty() || !actionFilter) {
                    objectives.add(new BoardObjective(o.objectiveId(), o.title(), o.outcomes(), o.rag(), actions,
                            actionFilter ? List.of() : o.indicators()));
                }
            }
            if (!objectives.isEmpty()) {
                priorities.add(p.withObjectives(objectives));
            }
        }
        return board.withPriorities(priorities);
    }

    boolean matches(BoardAction action) {
        if (rag != null) {
            String actual = action.rag() == null ? "NONE" : action.rag().name();
            if (!rag.equals(actual)) {
                return false;
            }
        }
        if (lead != null && action.leads().stream().noneMatch(this::isLead)) {
            return false;
        }
        return (!overdue || action.overdue()) && (!stale || action.stale());
    }

    private boolean isLead(Lead candidate) {
        return lead.equals(candidate.userId()) || lead.equals(candidate.name());
    }

    /** Every lead named on the board, by name, for the filter's choices. */
    public static List<String> leadNames(BoardView board) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        board.priorities().forEach(p -> p.objectives().forEach(o -> o.actions().forEach(a ->
                a.leads().stream().map(Lead::name).filter(Objects::nonNull).forEach(names::add))));
        return List.copyOf(names);
    }

    public static int actionCount(BoardView board) {
        return board.priorities().stream().flatMap(p -> p.objectives().stream()).mapToInt(o -> o.actions().size()).sum();
    }

    public static List<String> ragChoices() {
        List<String> choices = new ArrayList<>();
        for (RagStatus status : RagStatus.values()) {
            choices.add(status.name());
        }
        choices.add("NONE");
        return choices;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
