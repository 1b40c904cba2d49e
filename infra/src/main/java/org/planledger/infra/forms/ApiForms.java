package org.planledger.infra.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.planledger.command.api.Limits;
import org.planledger.command.api.RejectionCode;
import org.planledger.events.FinancialYear;
import org.planledger.infra.command.CallerCommands;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.refusals.CommandFailures;
import org.planledger.infra.refusals.FieldProblem;
import org.planledger.infra.refusals.InputProblems;
import org.planledger.infra.refusals.Refusal;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.web.Change;
import org.planledger.infra.web.CommandRoutes;
import org.planledger.infra.web.IfMatch;
import org.planledger.infra.web.PlanRequests.LeadBody;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a web form of an API command endpoint ("POST /api/plans/{planId}/priorities"), reading its
 * route ({@link CommandRoutes}): its request record (the form's fields, one per component, nested
 * records as fieldsets), the roles it declares and its path variables. Sending a form binds what was
 * typed into that request record, validates it as the API would, and sends it through the endpoint
 * itself (which refuses a caller without one of its roles, as for the API), marked as coming from the
 * pages. A refusal comes back as messages by field; nothing is stored.
 */
@Component
public class ApiForms {

    /** How many lead rows a leads field offers beyond those it already has. */
    public static final int SPARE_LEAD_ROWS = 2;
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** An endpoint as a form: its command route, request record, declared roles and path variables. */
    public record Resolved(String api, CommandRoutes.Endpoint endpoint, Class<?> body, Set<String> roles,
                           List<String> pathVariables) {
    }

    /**
     * What came of sending a form: the id and version the API answered with (the version null when
     * nothing changed), or the messages by field ("" for the whole form). {@code currentVersion} is
     * set when the form was refused because the record moved on from the version it was sent with.
     */
    public record Outcome(String id, Long version, Map<String, String> errors, Long currentVersion) {
        public boolean refused() {
            return !errors.isEmpty();
        }

        /** Refused because someone else changed the record since the form was shown. */
        public boolean stale() {
            return currentVersion != null;
        }
    }

    private final ObjectProvider<CommandRoutes> commandRoutes;
    private final ObjectMapper json;
    private final Validator validator;
    private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();

    /** The routes are looked up when a form is first used: a process without a command side has none. */
    public ApiForms(ObjectProvider<CommandRoutes> commandRoutes, ObjectMapper json, Validator validator) {
        this.commandRoutes = commandRoutes;
        this.json = json;
        this.validator = validator;
    }

    /** The endpoint, "METHOD pattern"; 404 in a process that takes no changes (no command side, so no such endpoint). */
    public Resolved resolve(String api) {
        return resolved.computeIfAbsent(api, this::find);
    }

    private Resolved find(String api) {
        CommandRoutes routes = commandRoutes.getIfAvailable();
        if (routes == null) {
            throw new ResourceNotFoundException("form", api);
        }
        CommandRoutes.Endpoint endpoint = routes.endpoint(api);
        Class<?> body = endpoint.bodyType();
        if (body == null || !body.isRecord()) {
            throw new IllegalStateException(api + " takes no request record");
        }
        return new Resolved(api, endpoint, body, endpoint.roles(), endpoint.pathVariables());
    }

    // ---- fields ---------------------------------------------------------------------------------

    /**
     * The form's fields, from its request record; {@code leadRows} rows for a list of leads.
     *
     * @param labels labels for fields whose names would not read well, by path; the rest are made from the names
     */
    public List<FormField> fields(Resolved form, Map<String, String> labels, int leadRows) {
        List<FormField> fields = new ArrayList<>();
        addFields(labels, form.body(), "", null, leadRows, fields);
        return fields;
    }

    private static void addFields(Map<String, String> labels, Class<?> type, String prefix, String group, int leadRows,
                                  List<FormField> fields) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + component.getName();
            Field field = field(type, component.getName());
            Class<?> valueType = component.getType();
            boolean required = field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                    || field.isAnnotationPresent(NotEmpty.class);
            String label = labels.getOrDefault(name, name.equals("id") ? "Short name, used in its address"
                    : component.getName().equals("userId") ? "Signs in as" : words(component.getName()));
            String hint = hint(field, valueType, name);
            if (List.class.equals(valueType) && LeadBody.class.equals(elementType(component))) {
                for (int row = 0; row < leadRows; row++) {
                    addFields(labels, LeadBody.class, name + "[" + row + "].", "Lead " + (row + 1), 0, fields);
                }
            } else if (valueType.isRecord()) {
                addFields(labels, valueType, name + ".", words(component.getName()), leadRows, fields);
            } else {
                fields.add(new FormField(name, label, hint, kind(name, valueType, field), required, group,
                        valueType.isEnum() ? enumChoices(valueType, required) : List.of()));
            }
        }
    }

    private static FormField.Kind kind(String name, Class<?> type, Field field) {
        if (LocalDate.class.equals(type)) {
            return FormField.Kind.DATE;
        }
        if (type.isEnum()) {
            return FormField.Kind.SELECT;
        }
        if (Boolean.class.equals(type) || boolean.class.equals(type)) {
            return FormField.Kind.CHECKBOX;
        }
        if (Long.class.equals(type) && name.endsWith("Pence")) {
            return FormField.Kind.MONEY;
        }
        if (Integer.class.equals(type) || Long.class.equals(type)) {
            return FormField.Kind.WHOLE_NUMBER;
        }
        if (BigDecimal.class.equals(type)) {
            return FormField.Kind.NUMBER;
        }
        if (List.class.equals(type)) {
            return FormField.Kind.LINES;
        }
        Size size = field.getAnnotation(Size.class);
        return size != null && size.max() > Limits.TITLE ? FormField.Kind.TEXTAREA : FormField.Kind.TEXT;
    }

    private static String hint(Field field, Class<?> type, String name) {
        if (name.equals("id")) {
            return "Letters, digits, dots and dashes, such as violence-1; left empty, one is made up.";
        }
        if (name.endsWith("effectiveOn")) {
            return "The date this speaks for; left empty, today.";
        }
        if (name.endsWith("userId")) {
            return "The person's sign-in, so they may record against the action.";
        }
        if (FinancialYear.class.equals(type)) {
            return "April to March, written like 2013/14.";
        }
        if (name.endsWith("Pence")) {
            return "For example 1250 or 1,250.50.";
        }
        Schema schema = field.getAnnotation(Schema.class);
        if (schema == null) {
            return null;
        }
        if (!schema.description().isBlank()) {
            return sentence(schema.description());
        }
        return schema.example().isBlank() || LocalDate.class.equals(type) ? null : "For example: " + schema.example();
    }

    private static List<FormField.Choice> enumChoices(Class<?> type, boolean required) {
        List<FormField.Choice> choices = new ArrayList<>();
        choices.add(new FormField.Choice("", required ? "Choose…" : "Not given"));
        for (Object constant : type.getEnumConstants()) {
            String value = ((Enum<?>) constant).name();
            choices.add(new FormField.Choice(value, words(value.toLowerCase(Locale.ROOT))));
        }
        return choices;
    }

    // ---- binding and sending --------------------------------------------------------------------

    /**
     * Binds what was typed to the request record and, if it is valid, calls the API's handler with it.
     *
     * @param pathVariables every path variable the endpoint names
     * @param leadNames     known people by user id, to name a lead chosen by sign-in without a name typed
     * @param expectedVersion the version of the record the person was shown, sent as the API's {@code If-Match};
     *                        null for no check (a new plan has no version yet)
     */
    public Outcome send(Resolved form, List<FormField> fields, Map<String, String> pathVariables, Map<String, String> values,
                 Map<String, String> leadNames, Long expectedVersion) {
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectNode tree = json.createObjectNode();
        Map<String, String> paths = requestPaths(fields, values);
        Map<String, String> formNames = new LinkedHashMap<>();
        paths.forEach((name, path) -> formNames.put(path, name));
        for (FormField field : fields) {
            if (paths.containsKey(field.name())) {
                read(field, paths.get(field.name()), values.getOrDefault(field.name(), ""), tree, errors);
            }
        }
        fillLeadNames(tree, leadNames);
        Object body = null;
        if (errors.isEmpty()) {
            try {
                body = json.treeToValue(tree, form.body());
            } catch (JsonProcessingException | IllegalArgumentException unreadable) {
                FieldProblem problem = InputProblems.unreadable(unreadable);
                errors.put(fieldOf(formName(problem.field(), formNames), fields), sentence(problem.message()));
            }
        }
        if (body != null) {
            for (ConstraintViolation<Object> violation : validator.validate(body)) {
                String path = violation.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
                String name = fieldOf(formName(path, formNames), fields);
                errors.merge(name, message(violation, labelOf(name, fields)), (a, b) -> a.equals(b) ? a : a + " " + b);
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, null, errors, null);
        }
        // If-Match: the version the form was shown at, so a change made meanwhile refuses it as it would the API's caller.
        Change change = new Change(expectedVersion == null ? null : IfMatch.etag(expectedVersion), null);
        Object request = body;
        try {
            ResponseEntity<?> answer = CallerCommands.from(CommandOrigin.SOURCE_UI,
                    () -> form.endpoint().send(pathVariables, request, change));
            // Accepted, or a progress note's own answer: both say what was changed and the version it reached
            JsonNode accepted = json.valueToTree(answer.getBody());
            return new Outcome(accepted.path("id").asText(accepted.path("noteId").asText(null)),
                    accepted.hasNonNull("version") ? accepted.get("version").asLong() : null, Map.of(), null);
        } catch (RuntimeException failure) {
            Refusal refusal = CommandFailures.explain(failure).orElseThrow(() -> failure);
            Long current = refusal.kind() == Refusal.Kind.CONCURRENT_CHANGE ? refusal.currentVersion() : null;
            return new Outcome(null, null, refusal(refusal, fields, formNames), current);
        }
    }

    /**
     * The command side's refusal in the form's words, by field: the same {@link Refusal} the API
     * answers with. Anything else (a failure of ours, or a role the caller lacks) was thrown on.
     */
    static Map<String, String> refusal(Refusal refusal, List<FormField> fields, Map<String, String> formNames) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refusal.kind() == Refusal.Kind.CONCURRENT_CHANGE && refusal.currentVersion() != null) {
            errors.put("", "Someone else changed this since you opened this page.");
        } else if (refusal.kind() == Refusal.Kind.CONCURRENT_CHANGE) {
            errors.put("", "Someone else changed this at the same moment. Check it and try again.");
        } else if (RejectionCode.NOT_ACTION_LEAD.name().equals(refusal.code())) {
            errors.put("", "You do not lead this action, so you cannot change it.");
        } else if (refusal.errors().isEmpty()) {
            errors.put("", sentence(refusal.detail()));
        } else {
            refusal.errors().forEach(problem -> errors.merge(fieldOf(formName(problem.field(), formNames), fields),
                    sentence(problem.message()), (a, b) -> a + " " + b));
        }
        return errors;
    }

    /** The form's name for a request path ({@code leads[0].name} may be the form's second row). */
    private static String formName(String path, Map<String, String> formNames) {
        if (path == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : formNames.entrySet()) {
            if (path.equals(entry.getKey()) || path.startsWith(entry.getKey() + ".") || path.startsWith(entry.getKey() + "[")) {
                return entry.getValue() + path.substring(entry.getKey().length());
            }
        }
        Matcher row = Pattern.compile("(\\w+\\[\\d+])(.*)").matcher(path);
        if (row.matches()) {
            for (Map.Entry<String, String> entry : formNames.entrySet()) {
                if (entry.getKey().startsWith(row.group(1) + ".")) {
                    String formRow = entry.getValue().substring(0, entry.getValue().indexOf(']') + 1);
                    return formRow + row.group(2);
                }
            }
        }
        return path;
    }

    private static void read(FormField field, String path, String typed, ObjectNode tree, Map<String, String> errors) {
        String value = typed.strip();
        if (value.isEmpty() && field.kind() != FormField.Kind.LINES) {
            return;
        }
        switch (field.kind()) {
            case DATE -> {
                try {
                    LocalDate.parse(value);
                    put(tree, path, json(value));
                } catch (DateTimeParseException e) {
                    errors.put(field.name(), "Enter a date such as 2013-06-30.");
                }
            }
            case NUMBER, WHOLE_NUMBER -> {
                try {
                    BigDecimal number = new BigDecimal(value.replace(",", ""));
                    if (field.kind() == FormField.Kind.WHOLE_NUMBER && number.stripTrailingZeros().scale() > 0) {
                        errors.put(field.name(), "Enter a whole number, such as 65.");
                    } else {
                        put(tree, path, field.kind() == FormField.Kind.WHOLE_NUMBER
                                ? JSON_NODES.numberNode(number.toBigIntegerExact()) : JSON_NODES.numberNode(number));
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    errors.put(field.name(), field.kind() == FormField.Kind.WHOLE_NUMBER
                            ? "Enter a whole number, such as 65." : "Enter a number, such as 9.7.");
                }
            }
            case MONEY -> {
                Long pence = Money.pence(field.name(), value, errors);
                if (pence != null) {
                    put(tree, path, JSON_NODES.numberNode(pence));
                }
            }
            case CHECKBOX -> put(tree, path, JSON_NODES.booleanNode(true));
            case LINES -> {
                List<String> lines = value.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
                if (!lines.isEmpty()) {
                    ArrayNode array = JSON_NODES.arrayNode();
                    lines.forEach(array::add);
                    put(tree, path, array);
                }
            }
            default -> put(tree, path, json(value));
        }
    }

    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory JSON_NODES =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        return JSON_NODES.textNode(text);
    }

    /** Puts a value at a path such as {@code target.kind} or {@code leads[1].name}, making what lies between. */
    private static void put(ObjectNode tree, String path, com.fasterxml.jackson.databind.JsonNode value) {
        String[] steps = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            Matcher index = INDEX.matcher(step);
            if (i == steps.length - 1) {
                node.set(step, value);
            } else if (index.find()) {
                String name = step.substring(0, index.start());
                int at = Integer.parseInt(index.group(1));
                ArrayNode array = node.has(name) ? (ArrayNode) node.get(name) : node.putArray(name);
                while (array.size() <= at) {
                    array.addObject();
                }
                node = (ObjectNode) array.get(at);
            } else {
                node = node.has(step) ? (ObjectNode) node.get(step) : node.putObject(step);
            }
        }
    }

    /**
     * Where each field goes in the request: its own name, except in a list of rows (leads), where a
     * row left wholly blank is left out and the rows that say something are numbered without gaps.
     */
    private static Map<String, String> requestPaths(List<FormField> fields, Map<String, String> values) {
        Map<String, Boolean> rowUsed = new LinkedHashMap<>();
        for (FormField field : fields) {
            Matcher row = ROW.matcher(field.name());
            if (row.matches()) {
                boolean typed = !values.getOrDefault(field.name(), "").isBlank();
                rowUsed.merge(row.group(1) + "[" + row.group(2) + "]", typed, Boolean::logicalOr);
            }
        }
        Map<String, Integer> nextSlot = new LinkedHashMap<>();
        Map<String, Integer> slots = new LinkedHashMap<>();
        rowUsed.forEach((row, used) -> {
            if (used) {
                String list = row.substring(0, row.indexOf('['));
                slots.put(row, nextSlot.merge(list, 1, Integer::sum) - 1);
            }
        });
        Map<String, String> paths = new LinkedHashMap<>();
        for (FormField field : fields) {
            Matcher row = ROW.matcher(field.name());
            if (!row.matches()) {
                paths.put(field.name(), field.name());
            } else {
                Integer slot = slots.get(row.group(1) + "[" + row.group(2) + "]");
                if (slot != null) {
                    paths.put(field.name(), row.group(1) + "[" + slot + "]." + row.group(3));
                }
            }
        }
        return paths;
    }

    private static final Pattern ROW = Pattern.compile("(\\w+)\\[(\\d+)]\\.(.+)");

    /** Gives a lead chosen by sign-in, with no name typed, the name known for that person (or the user id). */
    private static void fillLeadNames(ObjectNode tree, Map<String, String> leadNames) {
        tree.properties().forEach(property -> {
            if (property.getValue() instanceof ArrayNode array) {
                for (var element : array) {
                    if (element instanceof ObjectNode lead && lead.hasNonNull("userId") && !lead.hasNonNull("name")) {
                        String userId = lead.get("userId").asText();
                        lead.put("name", leadNames.getOrDefault(userId, userId));
                    }
                }
            }
        });
    }

    /** The form field a problem's path names (or the first field of the row or list it names), or "" for the form. */
    static String fieldOf(String path, List<FormField> fields) {
        String candidate = path == null ? "" : path;
        while (!candidate.isEmpty()) {
            String name = candidate;
            Optional<String> match = fields.stream().map(FormField::name)
                    .filter(n -> n.equals(name) || n.startsWith(name + ".") || n.startsWith(name + "[")).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            candidate = cut < 0 ? "" : candidate.substring(0, cut);
        }
        return "";
    }

    private static String labelOf(String name, List<FormField> fields) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().map(FormField::label).orElse("this");
    }

    private static String message(ConstraintViolation<?> violation, String label) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String what = label.replaceAll(" \\(.*\\)$", "").toLowerCase(Locale.ROOT);
        return switch (constraint) {
            case "NotEmpty" -> violation.getInvalidValue() == null || violation.getInvalidValue() instanceof List<?>
                    ? "Give at least one " + words(leaf(violation)).toLowerCase(Locale.ROOT).replaceAll("s$", "") + "."
                    : "Enter " + what + ".";
            case "NotBlank", "NotNull" -> "Enter " + what + ".";
            case "Size" -> {
                Object max = violation.getConstraintDescriptor().getAttributes().get("max");
                yield violation.getInvalidValue() instanceof List<?> ? "Give at most " + max + " lines."
                        : "Use at most " + max + " characters.";
            }
            default -> sentence(violation.getMessage());
        };
    }

    private static String leaf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The element type of a list component ({@code List<@Valid LeadBody>} reads as LeadBody). */
    private static Class<?> elementType(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }

    /** "periodStart" as "Period start", "bi_monthly" as "Bi monthly". */
    static String words(String name) {
        String spaced = name.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "This is not valid.";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
