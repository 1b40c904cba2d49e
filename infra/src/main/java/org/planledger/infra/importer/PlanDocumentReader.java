package org.planledger.infra.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a plan file: checks it against the JSON Schema and, in the same pass, the rules a schema
 * cannot express (unique ids, date order, financial years, periods, a target's value for its kind),
 * so the author sees every problem at once. Each problem names its record by id
 * ({@code priority 'asb' → objective 'asb-1' → indicator 'x': target.value is required for
 * PERCENT_CHANGE}) and says what is wrong in plain words. Whatever the parser refuses (broken JSON,
 * nesting deeper than {@value #MAX_NESTING}, numbers longer than {@value #MAX_NUMBER_LENGTH} digits)
 * is a refusal too, never an unexpected exception.
 */
public class PlanDocumentReader {

    public static final String SCHEMA_RESOURCE = "/plans/plan-interchange.schema.json";
    /** A plan file nests about ten levels deep; anything far deeper is not a plan. */
    static final int MAX_NESTING = 64;
    /** Money in pence and readings need far fewer digits. */
    static final int MAX_NUMBER_LENGTH = 40;

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .build();
    private final JsonSchema schema;

    public PlanDocumentReader() {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
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
        JsonNode tree = parse(content);
        List<PlanDocumentProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<ValidationMessage> messages;
        try {
            messages = schema.validate(tree);
        } catch (RuntimeException | StackOverflowError e) {
            throw refused("$", "the file could not be checked against the schema: " + e.getClass().getSimpleName());
        }
        for (ValidationMessage message : messages) {
            String path = message.getInstanceLocation() == null ? "$" : message.getInstanceLocation().toString();
            String plain = PlainWords.translate(message);
            String extra = PlainWords.propertyOf(message);
            String fullPath = extra == null ? path : path + "." + extra;
            if (seen.add(fullPath + plain)) {
                problems.add(RecordNames.problem(tree, fullPath, plain));
            }
        }
        for (PlanDocumentProblem problem : new RuleCheck(tree).check()) {
            if (seen.add(problem.path() + problem.message())) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(PlanDocumentProblem::path, RecordNames.DOCUMENT_ORDER));
            throw new InvalidPlanDocumentException(problems);
        }
        try {
            return mapper.treeToValue(tree, PlanDocument.class);
        } catch (JacksonException | IllegalArgumentException e) {
            // The schema and rules accept only what maps; this is a last guard, still a refusal.
            throw refused("$", "the file could not be read: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private JsonNode parse(byte[] content) {
        if (content == null || content.length == 0) {
            throw refused("$", "the file is empty");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(content);
        } catch (JacksonException e) {
            throw refused("$", "not valid JSON: " + PlainWords.parserProblem(e) + where(e.getLocation()));
        } catch (IOException e) {
            throw refused("$", "the file could not be read: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw refused("$", "not valid JSON: nested too deeply");
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw refused("$", "the file is empty");
        }
        if (!tree.isObject()) {
            throw refused("$", "the file must hold one JSON object ({ \"formatVersion\": 2, \"plan\": … }), not "
                    + PlainWords.kindOf(tree));
        }
        return tree;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static InvalidPlanDocumentException refused(String path, String message) {
        return new InvalidPlanDocumentException(List.of(new PlanDocumentProblem(path, message)));
    }
}
