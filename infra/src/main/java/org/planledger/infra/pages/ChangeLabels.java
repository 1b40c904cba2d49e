package org.planledger.infra.pages;

import org.planledger.events.EventTypes;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one list of what changes are called in the audit trail (page and CSV): each event type's
 * plain label ("RAG rating given"), grouped into the kinds of change an auditor filters by ("RAG
 * rating"), so near-twins such as the plan's and the action's record of a new action fall under
 * one choice. Also how the changed fields and their values read ("Not rated → Amber").
 * Used from templates as {@code @changeLabels}.
 */
@Component("changeLabels")
public class ChangeLabels {

    /** A kind of change the filter offers, and the labels of the event types it stands for. */
    public enum Kind {
        PLAN("plan", "Plan drafted, refreshed or closed", Map.of(
                "PlanDrafted", "Plan drafted", "PlanRefreshed", "Plan refreshed for the year", "PlanClosed", "Plan closed",
                "PlanLabelledFictional", "Plan labelled a fictional example")),
        MEETING("meeting", "Board meeting or board pack", Map.of("BoardMeetingRecorded", "Board meeting recorded",
                "BoardPackIssued", "Board pack issued")),
        MEMBER("member", "Partnership member", Map.of("PlanMemberRecorded", "Partnership member recorded")),
        PRIORITY("priority", "Priority or objective", Map.of(
                "PriorityAdded", "Priority added", "PriorityRevised", "Priority revised", "PriorityRetired", "Priority retired",
                "ObjectiveAdded", "Objective added", "ObjectiveRevised", "Objective revised",
                "ObjectiveRetired", "Objective retired")),
        INDICATOR("indicator", "Indicator, baseline or target", Map.of(
                "IndicatorDefined", "Indicator added", "IndicatorRebaselined", "Baseline or target changed",
                "IndicatorLinked", "Indicator linked to another objective", "IndicatorSeriesBroken", "Indicator series broken",
                "IndicatorRetired", "Indicator retired")),
        READING("reading", "Indicator reading", Map.of("IndicatorReadingRecorded", "Indicator reading recorded",
                "IndicatorReadingCorrected", "Indicator reading corrected")),
        ACTION_ADDED("action-added", "Action added", Map.of(
                "ActionRegistered", "Action registered in the plan", "ActionAdded", "Action added")),
        ACTION_CHANGED("action-changed", "Action dates, leads or details", Map.of(
                "ActionRescheduled", "Action dates changed", "ActionLeadsChanged", "Action leads changed",
                "ActionDetailsRevised", "Action details revised")),
        ACTION_STATUS("action-status", "Action completed, ceased or reopened", Map.of(
                "ActionCompleted", "Action completed", "ActionCeased", "Action ceased", "ActionReopened", "Action reopened")),
        NOTE("note", "Progress note", Map.of("ProgressRecorded", "Progress note recorded")),
        APPROVAL("approval", "Update submitted, approved or returned", Map.of(
                "ProgressSubmitted", "Update submitted for approval", "ProgressApproved", "Update approved",
                "ProgressReturned", "Update returned to its lead", "UpdateApprovalRequired", "Plan's approval of updates turned on or off",
                "UpdateApprovalSet", "Action follows the plan's approval setting")),
        NOTE_FIXED("note-fixed", "Progress note corrected or withdrawn", Map.of(
                "ProgressNoteCorrected", "Progress note corrected", "ProgressNoteWithdrawn", "Progress note withdrawn")),
        RAG("rag", "RAG rating", Map.of("RagAssessed", "RAG rating given")),
        MONEY("money", "Funding or spend", Map.of("FundingAllocated", "Funding allocated", "SpendRecorded", "Spend recorded")),
        RISK("risk", "Risk", Map.of(
                "RiskIdentified", "Risk identified", "RiskReassessed", "Risk reassessed", "RiskClosed", "Risk closed")),
        REFERRAL("referral", "Referral case", Map.of(
                "ReferralRegistered", "Referral case registered on the action", "ReferralRecorded", "Referral received",
                "ReferralAccepted", "Referral accepted", "ReferralDeclined", "Referral declined", "ReferralClosed", "Referral closed",
                "ReferralSubjectErased", "Referral subject's personal data erased")),
        TALLY("tally", "Referral tally", Map.of("ReferralsTallied", "Referrals counted for a period")),
        REMINDER("reminder", "Update reminder", Map.of("UpdateReminderSent", "Update reminder sent"));

        private final String key;
        private final String label;
        private final Map<String, String> types;

        Kind(String key, String label, Map<String, String> types) {
            this.key = key;
            this.label = label;
            this.types = types;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public Set<String> eventTypes() {
            return types.keySet();
        }
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("rag", "RAG rating"), Map.entry("note", "Progress note"), Map.entry("text", "Note text"),
            Map.entry("withdrawn", "Withdrawn"), Map.entry("startDate", "Start date"), Map.entry("endDate", "End date"),
            Map.entry("changeRequired", "Change required"), Map.entry("boardMeeting", "Board meeting"),
            Map.entry("peerReading", "Peer reading"), Map.entry("seriesBreak", "Series break"),
            Map.entry("likelihood x impact", "Likelihood × impact"), Map.entry("open", "Open"), Map.entry("closed", "Closed"),
            Map.entry("refresh", "Annual refresh"), Map.entry("objective", "Also under objective"));

    private static final Pattern LEADING_CODE = Pattern.compile("^([A-Z][A-Z_]+)\\b");

    /** The kinds, in the order the filter lists them. */
    public List<Kind> kinds() {
        return List.of(Kind.values());
    }

    public static Optional<Kind> kind(String key) {
        for (Kind kind : Kind.values()) {
            if (kind.key.equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The event types no kind names: empty while the list is complete (PagePartsTest keeps it so). */
    static Set<String> unlabelled() {
        Set<String> missing = new LinkedHashSet<>();
        for (Class<?> type : EventTypes.all()) {
            if (kindOf(type.getSimpleName()).isEmpty()) {
                missing.add(type.getSimpleName());
            }
        }
        return missing;
    }

    static Optional<Kind> kindOf(String eventType) {
        for (Kind kind : Kind.values()) {
            if (kind.types.containsKey(eventType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** "RagAssessed" as "RAG rating given"; a type missing from the list as its words ("Something happened"). */
    public String entry(String eventType) {
        if (eventType == null) {
            return "";
        }
        return kindOf(eventType).map(kind -> kind.types.get(eventType)).orElseGet(() -> words(eventType));
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
                return new PageText().date(LocalDate.parse(value));
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

    /** "DELIVERY_LEAD AUDITOR" as "Delivery lead, Auditor". */
    public String roles(List<String> roles) {
        return roles == null ? "" : String.join(", ", roles.stream().map(Viewer::roleName).toList());
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
