package org.planledger.infra.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The schema validator's and the parser's wording ("null found, string expected") said plainly. */
final class PlainWords {

    private static final Pattern TYPE = Pattern.compile("^(\\S+) found, (.+) expected$");
    private static final Pattern REQUIRED = Pattern.compile("^required property '(.+)' not found$");
    private static final Pattern UNKNOWN = Pattern.compile("^property '(.+)' is not defined in the schema.*$");
    private static final Pattern ENUM = Pattern.compile("^does not have a value in the enumeration \\[(.*)]$");
    private static final Pattern CONST = Pattern.compile("^must be the constant value '(.*)'$");
    private static final Pattern FORMAT = Pattern.compile("^does not match the (\\S+) pattern.*$");
    private static final Pattern REGEX = Pattern.compile("^does not match the regex pattern (.*)$");
    private static final Pattern MIN_LENGTH = Pattern.compile("^must be at least (\\d+) characters long$");
    private static final Pattern MAX_LENGTH = Pattern.compile("^must be at most (\\d+) characters long$");
    private static final Pattern MINIMUM = Pattern.compile("^must have a minimum value of (.+)$");
    private static final Pattern MIN_ITEMS = Pattern.compile("^must have at least (\\d+) items but found (\\d+)$");
    private static final Pattern MAX_ITEMS = Pattern.compile("^must have at most (\\d+) items but found (\\d+)$");

    /** What each of the schema's patterns means, by the pattern as the schema writes it. */
    private static final Map<String, String> PATTERNS = Map.of(
            "^[A-Za-z0-9][A-Za-z0-9._-]*$", "is not a valid id: use letters, digits, '.', '_' or '-', starting with a letter or digit",
            "^\\d{4}-\\d{2}-\\d{2}$", "must be a date written YYYY-MM-DD",
            "\\S", "must not be blank",
            "^\\d{4}/\\d{2}$", "must be a financial year written YYYY/YY, e.g. 2013/14",
            "^\\d{4}-(0[1-9]|1[0-2])$", "must be a month written YYYY-MM",
            "^\\d{4}-(0[1-9]|1[0-2])(-\\d{2})?$", "must be a month (YYYY-MM) or a day (YYYY-MM-DD)",
            "^\\d{4}(/\\d{2}|-(0[1-9]|1[0-2])(-\\d{2})?)$",
            "must be a period: a financial year (2013/14), a month (2013-06) or a day (2013-06-30)");

    private static final Map<String, String> TYPES = Map.of(
            "string", "text", "integer", "a whole number", "number", "a number", "object", "an object { … }",
            "array", "a list [ … ]", "boolean", "true or false", "null", "null");

    private PlainWords() {
    }

    /** The property a "required" or "unknown property" message is about, which then becomes part of the path. */
    static String propertyOf(ValidationMessage message) {
        String error = error(message);
        Matcher required = REQUIRED.matcher(error);
        if (required.matches()) {
            return required.group(1);
        }
        Matcher unknown = UNKNOWN.matcher(error);
        return unknown.matches() ? unknown.group(1) : null;
    }

    static String translate(ValidationMessage message) {
        String error = error(message);
        JsonNode value = message.getInstanceNode();
        Matcher m;
        if ((m = TYPE.matcher(error)).matches()) {
            return "must be " + typeWords(m.group(2)) + ", not " + typeWords(m.group(1))
                    + (value != null && value.isNull() ? " (null means 'none'; leave the field out or give a value)" : "");
        }
        if (REQUIRED.matcher(error).matches()) {
            return "is required but missing";
        }
        if (UNKNOWN.matcher(error).matches()) {
            return "is not a field of this record (check the spelling; the fields are listed in docs/plan-format.md)";
        }
        if ((m = ENUM.matcher(error)).matches()) {
            return "must be one of " + m.group(1).replace("\"", "").replace(",", ", ").replaceAll(" +", " ")
                    + found(value);
        }
        if ((m = CONST.matcher(error)).matches()) {
            return "must be " + m.group(1) + found(value);
        }
        if ((m = FORMAT.matcher(error)).matches()) {
            return "date".equals(m.group(1)) ? "is not a real calendar date" + found(value)
                    : "is not a valid " + m.group(1) + found(value);
        }
        if ((m = REGEX.matcher(error)).matches()) {
            return PATTERNS.getOrDefault(m.group(1), "is not written as expected (" + m.group(1) + ")") + found(value);
        }
        if ((m = MIN_LENGTH.matcher(error)).matches()) {
            return "1".equals(m.group(1)) ? "must not be empty" : "is too short: at least " + m.group(1) + " characters";
        }
        if ((m = MAX_LENGTH.matcher(error)).matches()) {
            return "is too long: at most " + m.group(1) + " characters"
                    + (value != null && value.isTextual() ? ", found " + value.asText().length() : "");
        }
        if ((m = MINIMUM.matcher(error)).matches()) {
            return "must be " + m.group(1) + " or more" + found(value);
        }
        if ((m = MIN_ITEMS.matcher(error)).matches()) {
            return "needs at least " + m.group(1) + (m.group(1).equals("1") ? " entry" : " entries") + ", found " + m.group(2);
        }
        if ((m = MAX_ITEMS.matcher(error)).matches()) {
            return "may hold at most " + m.group(1) + " entries, found " + m.group(2);
        }
        return error;
    }

    /** What the JSON parser refused, without its internal names. */
    static String parserProblem(JacksonException e) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return "nested more than " + PlanDocumentReader.MAX_NESTING + " levels deep";
            }
            if (original.contains("Number value length") || original.contains("number length")) {
                return "a number is longer than " + PlanDocumentReader.MAX_NUMBER_LENGTH + " digits";
            }
            if (original.contains("String value length")) {
                return "a text is too long";
            }
        }
        return original.lines().findFirst().orElse(original);
    }

    static String kindOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "a text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            default -> "that";
        };
    }

    private static String error(ValidationMessage message) {
        String text = message.getMessage() == null ? "" : message.getMessage();
        String location = message.getInstanceLocation() == null ? null : message.getInstanceLocation().toString();
        if (location != null && text.startsWith(location + ": ")) {
            return text.substring(location.length() + 2);
        }
        return text;
    }

    private static String typeWords(String types) {
        return Arrays.stream(types.replace("[", "").replace("]", "").split(","))
                .map(String::trim).filter(type -> !type.isEmpty())
                .map(type -> TYPES.getOrDefault(type, type))
                .collect(Collectors.joining(" or "));
    }

    private static String found(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isContainerNode()) {
            return "";
        }
        String text = value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
        return text.length() > 60 ? "" : ", found " + text;
    }
}
