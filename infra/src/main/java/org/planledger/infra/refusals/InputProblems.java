package org.planledger.infra.refusals;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import org.springframework.validation.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Input of the wrong shape, as field paths and sentences: what Jackson could not read (unknown
 * fields, wrong types, malformed JSON) and what Bean Validation refused (on request bodies and on
 * commands).
 */
public final class InputProblems {

    private InputProblems() {
    }

    /** Bean Validation's violations, each at its property path without the {@code <list element>} noise. */
    public static List<FieldProblem> violations(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String path = violation.getPropertyPath().toString();
            problems.add(new FieldProblem(path.isEmpty() ? null : path.replace(".<list element>", "")
                    .replace("<list element>", ""), violation.getMessage()));
        }
        return problems;
    }

    /** A field refused by {@code @Valid} on a request body. */
    public static FieldProblem of(FieldError error) {
        String message = error.getDefaultMessage();
        if (error.getCodes() != null && Arrays.asList(error.getCodes()).contains("typeMismatch")) {
            return new FieldProblem(error.getField(), "has the wrong type");
        }
        if ("NotNull".equals(error.getCode()) || "NotBlank".equals(error.getCode()) || "NotEmpty".equals(error.getCode())) {
            Object rejected = error.getRejectedValue();
            return new FieldProblem(error.getField(), rejected == null ? "is required" : message);
        }
        return new FieldProblem(error.getField(), message);
    }

    /** Why Jackson could not read the body, at the path where it stopped. */
    public static FieldProblem unreadable(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JsonParseException) {
                cause = c;
                break;
            }
        }
        if (cause instanceof JsonParseException parse) {
            return new FieldProblem(null, "the body is not well-formed JSON (line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr() + "): " + parse.getOriginalMessage());
        }
        if (cause instanceof JsonMappingException mapping) {
            return new FieldProblem(path(mapping), explain(mapping));
        }
        if (cause instanceof JsonProcessingException processing) {
            return new FieldProblem(null, "the body is not valid JSON: " + processing.getOriginalMessage());
        }
        return new FieldProblem(null, "the request body could not be read");
    }

    /** The JSON path of the value Jackson choked on: {@code leads[0].userId}. */
    public static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String explain(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this request" + knownFields(unknown.getKnownPropertyIds());
        }
        if (mapping instanceof IgnoredPropertyException) {
            return "is not a field of this request";
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + format.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants());
            }
            return "'" + format.getValue() + "' " + expected(target);
        }
        if (mapping instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return instantiation.getCause().getMessage();
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target != null && target.isPrimitive()) {
                return "is required";
            }
            return "has the wrong type: it " + expected(target);
        }
        Throwable cause = mapping.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return "has a value that cannot be read";
    }

    private static String knownFields(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        return " (fields: " + known.stream().map(String::valueOf).sorted().reduce((a, b) -> a + ", " + b).orElse("") + ")";
    }

    /** What a value of this type must look like, for "'abc' must be a whole number". */
    public static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (LocalDate.class.equals(target)) {
            return "must be a date written YYYY-MM-DD";
        }
        if (Instant.class.equals(target)) {
            return "must be an instant written like 2013-06-30T12:00:00Z";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 date or time";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "must be a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list";
        }
        return "must be an object of the documented shape";
    }
}
