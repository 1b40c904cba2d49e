package org.planledger.infra.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.planledger.events.FinancialYear;
import org.planledger.events.ProgressPeriod;
import org.planledger.events.RagStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a plan file: checks it against the JSON Schema, then the rules a schema cannot express
 * (unique ids, date order, financial years, progress periods). Every problem is collected before
 * anything is refused, so the author can fix the file in one pass.
 */
public class PlanDocumentReader {

    public static final String SCHEMA_RESOURCE = "/plans/plan-interchange.schema.json";

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final JsonSchema schema;

    public PlanDocumentReader() {
        try (InputStream in = PlanDocumentReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the plan schema " + SCHEMA_RESOURCE + " is missing from the build");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_PATH)
                    .build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PlanDocument read(byte[] content) {
        JsonNode tree;
        try {
            tree = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            throw new InvalidPlanDocumentException(List.of(new PlanDocumentProblem("$",
                    "not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidPlanDocumentException(List.of(new PlanDocumentProblem("$", "the file is empty")));
        }
        List<PlanDocumentProblem> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(tree)) {
            problems.add(new PlanDocumentProblem(message.getInstanceLocation().toString(), message.getError()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(PlanDocumentProblem::path));
            throw new InvalidPlanDocumentException(problems);
        }
        PlanDocument document;
        try {
            document = mapper.treeToValue(tree, PlanDocument.class);
        } catch (JsonProcessingException e) {
            throw new InvalidPlanDocumentException(List.of(new PlanDocumentProblem("$", e.getOriginalMessage())));
        }
        problems.addAll(new RuleCheck().check(document));
        if (!problems.isEmpty()) {
            throw new InvalidPlanDocumentException(problems);
        }
        return document;
    }

    /** The rules that JSON Schema cannot state. */
    private static final class RuleCheck {
        private final List<PlanDocumentProblem> problems = new ArrayList<>();
        private final Set<String> structureIds = new HashSet<>();
        private final Set<String> actionIds = new HashSet<>();

        List<PlanDocumentProblem> check(PlanDocument document) {
            PlanDocument.Plan plan = document.plan();
            endNotBeforeStart("$.plan", plan.periodStart(), plan.periodEnd(), "periodEnd");
            for (int p = 0; p < document.priorities().size(); p++) {
                PlanDocument.Priority priority = document.priorities().get(p);
                String priorityPath = "$.priorities[" + p + "]";
                unique(structureIds, priority.id(), priorityPath + ".id");
                for (int o = 0; o < priority.objectives().size(); o++) {
                    PlanDocument.Objective objective = priority.objectives().get(o);
                    String objectivePath = priorityPath + ".objectives[" + o + "]";
                    unique(structureIds, objective.id(), objectivePath + ".id");
                    for (int i = 0; i < objective.indicators().size(); i++) {
                        unique(structureIds, objective.indicators().get(i).id(), objectivePath + ".indicators[" + i + "].id");
                    }
                    for (int a = 0; a < objective.actions().size(); a++) {
                        checkAction(objective.actions().get(a), objectivePath + ".actions[" + a + "]");
                    }
                }
            }
            Set<String> meetingIds = new HashSet<>();
            for (int m = 0; m < document.boardMeetings().size(); m++) {
                unique(meetingIds, document.boardMeetings().get(m).id(), "$.boardMeetings[" + m + "].id");
            }
            return problems;
        }

        private void checkAction(PlanDocument.Action action, String path) {
            unique(actionIds, action.id(), path + ".id");
            endNotBeforeStart(path, action.startDate(), action.endDate(), "endDate");
            for (int n = 0; n < action.progress().size(); n++) {
                try {
                    ProgressPeriod.effectiveDate(action.progress().get(n).period());
                } catch (IllegalArgumentException e) {
                    problems.add(new PlanDocumentProblem(path + ".progress[" + n + "].period", e.getMessage()));
                }
            }
            for (int t = 0; t < action.referralTallies().size(); t++) {
                PlanDocument.ReferralTally tally = action.referralTallies().get(t);
                endNotBeforeStart(path + ".referralTallies[" + t + "]", tally.from(), tally.to(), "to");
            }
            for (int f = 0; f < action.funding().size(); f++) {
                financialYear(action.funding().get(f).financialYear(), path + ".funding[" + f + "].financialYear");
            }
            for (int s = 0; s < action.spend().size(); s++) {
                financialYear(action.spend().get(s).financialYear(), path + ".spend[" + s + "].financialYear");
            }
            for (int r = 0; r < action.rag().size(); r++) {
                PlanDocument.Rag rag = action.rag().get(r);
                if (rag.status() != RagStatus.GREEN && (rag.reason() == null || rag.reason().isBlank())) {
                    problems.add(new PlanDocumentProblem(path + ".rag[" + r + "].reason",
                            "a " + rag.status() + " rating needs a reason"));
                }
            }
        }

        private void unique(Set<String> seen, String id, String path) {
            if (!seen.add(id)) {
                problems.add(new PlanDocumentProblem(path, "the id '" + id + "' is used more than once"));
            }
        }

        private void endNotBeforeStart(String path, LocalDate start, LocalDate end, String endField) {
            if (start != null && end != null && end.isBefore(start)) {
                problems.add(new PlanDocumentProblem(path + "." + endField, end + " is before the start " + start));
            }
        }

        private void financialYear(String text, String path) {
            try {
                FinancialYear.parse(text);
            } catch (IllegalArgumentException e) {
                problems.add(new PlanDocumentProblem(path, e.getMessage()));
            }
        }
    }
}
