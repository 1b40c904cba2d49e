package org.planledger.infra.importer;

import com.fasterxml.jackson.databind.JsonNode;
import org.planledger.events.FinancialYear;
import org.planledger.events.ProgressPeriod;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules JSON Schema cannot state, checked on the parsed tree so that they run in the same pass
 * as the schema even when the schema has found problems: whatever is missing or of the wrong type
 * here has been reported by the schema and is skipped.
 */
final class RuleCheck {

    /** The objective the importer adds for what a priority holds directly ({@link ImportPlanner#ownObjectiveId}). */
    static final String OWN_OBJECTIVE_SUFFIX = ".own";

    private final JsonNode root;
    private final List<PlanDocumentProblem> problems = new ArrayList<>();
    private final Map<String, String> structureIds = new HashMap<>();
    private final Set<String> actionIds = new HashSet<>();
    private final Set<String> meetingIds = new HashSet<>();

    RuleCheck(JsonNode root) {
        this.root = root;
    }

    List<PlanDocumentProblem> check() {
        JsonNode plan = root.path("plan");
        endNotBeforeStart("$.plan", date(plan, "periodStart"), date(plan, "periodEnd"), "periodEnd");
        JsonNode members = plan.path("members");
        for (int m = 0; m < members.size(); m++) {
            JsonNode member = members.get(m);
            endNotBeforeStart("$.plan.members[" + m + "]", date(member, "from"), date(member, "to"), "to");
        }
        JsonNode priorities = root.path("priorities");
        for (int p = 0; p < priorities.size(); p++) {
            JsonNode priority = priorities.get(p);
            String path = "$.priorities[" + p + "]";
            unique(priority, path);
            structureChanges(priority, path);
            JsonNode objectives = priority.path("objectives");
            for (int o = 0; o < objectives.size(); o++) {
                JsonNode objective = objectives.get(o);
                String objectivePath = path + ".objectives[" + o + "]";
                unique(objective, objectivePath);
                structureChanges(objective, objectivePath);
                indicators(objective.path("indicators"), objectivePath + ".indicators");
                actions(objective.path("actions"), objectivePath + ".actions");
            }
            indicators(priority.path("indicators"), path + ".indicators");
            actions(priority.path("actions"), path + ".actions");
            String id = text(priority, "id");
            if (id != null && priority.path("actions").size() > 0) {
                // The priority's own actions are held under an objective the importer adds (an action needs an
                // objective); its id must be free. The priority's own indicators are the priority's, with no objective.
                String own = id + OWN_OBJECTIVE_SUFFIX;
                if (structureIds.containsKey(own)) {
                    add(path + ".id", "the id '" + own + "' is reserved for the objective that holds what the priority '"
                            + id + "' holds directly; rename the record that uses it");
                }
                structureIds.put(own, path);
            }
        }
        indicators(root.path("measures"), "$.measures");
        JsonNode meetings = root.path("boardMeetings");
        for (int m = 0; m < meetings.size(); m++) {
            String id = text(meetings.get(m), "id");
            if (id != null && !meetingIds.add(id)) {
                add("$.boardMeetings[" + m + "].id", "'" + id + "' is used more than once");
            }
        }
        return problems;
    }

    private void indicators(JsonNode indicators, String listPath) {
        for (int i = 0; i < indicators.size(); i++) {
            JsonNode indicator = indicators.get(i);
            String path = listPath + "[" + i + "]";
            unique(indicator, path);
            structureChanges(indicator, path);
            target(indicator.path("target"), path + ".target");
            JsonNode baseline = indicator.path("baseline");
            if (baseline.isObject()) {
                financialYear(baseline, "period", path + ".baseline.period");
            }
            Set<String> periods = new HashSet<>();
            JsonNode readings = indicator.path("readings");
            LocalDate retiredOn = date(indicator.path("retired"), "on");
            for (int r = 0; r < readings.size(); r++) {
                String readingPath = path + ".readings[" + r + "]";
                String period = text(readings.get(r), "period");
                boolean peer = "PEER".equals(text(readings.get(r), "series"));
                if (period != null) {
                    if (Periods.check(period) != null) {
                        add(readingPath + ".period", Periods.check(period));
                    } else if (!periods.add((peer ? "PEER " : "") + period)) {
                        add(readingPath + ".period", "the indicator has another " + (peer ? "peer " : "")
                                + "reading for " + period + "; give one reading per period (and one peer reading)");
                    }
                    // the domain refuses a retired indicator's readings for later periods (late figures for earlier ones are fine)
                    if (Periods.check(period) == null && retiredOn != null && Periods.end(period).isAfter(retiredOn)) {
                        add(readingPath + ".period", "ends after the indicator was retired (" + retiredOn
                                + "); a retired indicator takes no readings for later periods");
                    }
                }
            }
        }
    }

    private void target(JsonNode target, String path) {
        if (!target.isObject()) {
            return;
        }
        String kind = text(target, "kind");
        JsonNode value = target.get("value");
        boolean hasValue = value != null && value.isNumber();
        if (("ABSOLUTE".equals(kind) || "PERCENT_CHANGE".equals(kind)) && !hasValue && (value == null || value.isNull())) {
            add(path + ".value", "is required for " + kind + " (the level to reach, or the size of the change)");
        }
        if ("MONITOR_ONLY".equals(kind) && hasValue) {
            add(path + ".value", "must be left out (or null) for MONITOR_ONLY, which has no number");
        }
        if (hasValue && value.decimalValue().signum() < 0) {
            add(path + ".value", "must be 0 or more; the indicator's direction gives the sign");
        }
        boolean wording = target.has("wording");
        boolean text = target.has("text");
        if (wording && text) {
            add(path + ".text", "is the version 1 name of wording; give only wording");
        } else if (!wording && !text) {
            add(path + ".wording", "is required: the target as the document words it");
        }
        String baselinePeriod = text(target, "baselinePeriod");
        if (baselinePeriod != null && Periods.check(baselinePeriod) != null) {
            add(path + ".baselinePeriod", Periods.check(baselinePeriod));
        }
    }

    private void actions(JsonNode actions, String listPath) {
        for (int a = 0; a < actions.size(); a++) {
            JsonNode action = actions.get(a);
            String path = listPath + "[" + a + "]";
            String id = text(action, "id");
            if (id != null && !actionIds.add(id)) {
                add(path + ".id", "'" + id + "' is used more than once (ids are unique across the file)");
            }
            endNotBeforeStart(path, date(action, "startDate"), date(action, "endDate"), "endDate");
            retirement(action, path);
            JsonNode progress = action.path("progress");
            for (int n = 0; n < progress.size(); n++) {
                String period = text(progress.get(n), "period");
                if (period != null && period.matches("\\d{4}-\\d{2}(-\\d{2})?")) {
                    try {
                        ProgressPeriod.effectiveDate(period);
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        add(path + ".progress[" + n + "].period", "is not a real month or day (" + period + ")");
                    }
                }
            }
            JsonNode tallies = action.path("referralTallies");
            for (int t = 0; t < tallies.size(); t++) {
                endNotBeforeStart(path + ".referralTallies[" + t + "]", date(tallies.get(t), "from"),
                        date(tallies.get(t), "to"), "to");
            }
            JsonNode funding = action.path("funding");
            for (int f = 0; f < funding.size(); f++) {
                financialYear(funding.get(f), "financialYear", path + ".funding[" + f + "].financialYear");
            }
            JsonNode spend = action.path("spend");
            for (int s = 0; s < spend.size(); s++) {
                financialYear(spend.get(s), "financialYear", path + ".spend[" + s + "].financialYear");
            }
            JsonNode ratings = action.path("rag");
            for (int r = 0; r < ratings.size(); r++) {
                String status = text(ratings.get(r), "status");
                String reason = text(ratings.get(r), "reason");
                if (("RED".equals(status) || "AMBER".equals(status)) && (reason == null || reason.isBlank())) {
                    add(path + ".rag[" + r + "].reason", "is required: a " + status + " rating needs a reason");
                }
            }
        }
    }

    /** {@code from}, {@code formerTitles} and {@code retired} must tell one story in date order. */
    private void structureChanges(JsonNode record, String path) {
        LocalDate from = date(record, "from");
        LocalDate previous = from;
        JsonNode former = record.path("formerTitles");
        for (int t = 0; t < former.size(); t++) {
            LocalDate until = date(former.get(t), "until");
            if (until != null && previous != null && !until.isAfter(previous)) {
                add(path + ".formerTitles[" + t + "].until", until + " must be after " + previous
                        + " (the record's from date, or the previous former title's until)");
            }
            previous = until == null ? previous : until;
        }
        retirement(record, path);
        LocalDate retired = date(record.path("retired"), "on");
        if (retired != null && previous != null && retired.isBefore(previous)) {
            add(path + ".retired.on", retired + " is before " + previous + ", when the record was added or last renamed");
        }
    }

    private void retirement(JsonNode record, String path) {
        LocalDate from = date(record, "from");
        LocalDate retired = date(record.path("retired"), "on");
        if (from != null && retired != null && retired.isBefore(from)) {
            add(path + ".retired.on", retired + " is before the record's from date " + from);
        }
    }

    private void unique(JsonNode record, String path) {
        String id = text(record, "id");
        if (id == null) {
            return;
        }
        String first = structureIds.putIfAbsent(id, path);
        if (first != null) {
            add(path + ".id", "'" + id + "' is used more than once (also by " + describe(first) + ")");
        }
    }

    private String describe(String path) {
        PlanDocumentProblem named = RecordNames.problem(root, path, "");
        return named.record();
    }

    private void endNotBeforeStart(String path, LocalDate start, LocalDate end, String endField) {
        if (start != null && end != null && end.isBefore(start)) {
            add(path + "." + endField, end + " is before the start " + start);
        }
    }

    private void financialYear(JsonNode node, String field, String path) {
        String text = text(node, field);
        if (text != null && text.matches("\\d{4}/\\d{2}")) {
            try {
                FinancialYear.parse(text);
            } catch (IllegalArgumentException e) {
                add(path, e.getMessage());
            }
        }
    }

    private void add(String path, String message) {
        problems.add(RecordNames.problem(root, path, message));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A well-formed date, or null (a malformed one is the schema's to report). */
    private static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
