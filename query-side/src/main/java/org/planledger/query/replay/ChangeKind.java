package org.planledger.query.replay;

import java.util.Optional;
import java.util.Set;

/**
 * The kinds of change an auditor filters the audit trail by, in the order the filter lists them, so
 * that near-twins such as the plan's and the action's record of a new action fall under one choice.
 * Which event types a kind stands for is said once, by each event's case in {@link EventDescriptions}.
 */
public enum ChangeKind {
    PLAN("plan", "Plan drafted, refreshed, shared or closed"),
    MEETING("meeting", "Board meeting or board pack"),
    MEMBER("member", "Partnership member"),
    PRIORITY("priority", "Priority or objective"),
    INDICATOR("indicator", "Indicator, baseline or target"),
    READING("reading", "Indicator reading"),
    ACTION_ADDED("action-added", "Action added"),
    ACTION_CHANGED("action-changed", "Action dates, leads or details"),
    ACTION_STATUS("action-status", "Action completed, ceased or reopened"),
    NOTE("note", "Progress note"),
    APPROVAL("approval", "Update submitted, approved or returned"),
    NOTE_FIXED("note-fixed", "Progress note corrected or withdrawn"),
    RAG("rag", "RAG rating"),
    MONEY("money", "Funding or spend"),
    RISK("risk", "Risk"),
    REFERRAL("referral", "Referral case"),
    TALLY("tally", "Referral tally"),
    REMINDER("reminder", "Update reminder");

    private final String key;
    private final String label;

    ChangeKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** What the filter's form sends ("action-added"). */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The stored names of the event types this kind stands for. */
    public Set<String> eventTypes() {
        return EventDescriptions.eventTypes(this);
    }

    public static Optional<ChangeKind> byKey(String key) {
        for (ChangeKind kind : values()) {
            if (kind.key.equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
