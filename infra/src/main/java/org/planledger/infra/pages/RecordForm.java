package org.planledger.infra.pages;

import org.planledger.command.api.AssessRag;
import org.planledger.command.api.RecordProgress;
import org.planledger.command.api.RecordReferral;
import org.planledger.command.api.RecordSpend;
import org.planledger.command.api.RejectionCode;
import org.planledger.command.api.TallyReferrals;
import org.planledger.events.FinancialYear;
import org.planledger.events.RagStatus;
import org.planledger.infra.forms.Money;
import org.planledger.infra.refusals.CommandFailures;
import org.planledger.infra.refusals.Refusal;
import org.planledger.infra.refusals.ResourceNotFoundException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The delivery lead's forms. A form turns what was typed into the same command the API sends;
 * it only parses (dates, whole numbers, pounds and pence). Every rule — required fields, lengths,
 * a reason for Red and Amber, the period's shape, the lead rule — is the command's and the
 * Action's, and a refusal comes back here as messages beside the fields it names.
 */
enum RecordForm {
    PROGRESS("progress", "Progress note recorded.", List.of("period", "text")),
    RAG("rag", "RAG rating recorded.", List.of("rag", "reason", "effectiveOn")),
    REFERRAL("referral", "Referral recorded.", List.of("receivedOn", "referringAgency", "subjectRef", "reason")),
    TALLY("tally", "Referral tally recorded.", List.of("periodFrom", "periodTo", "count", "totalCost", "note")),
    SPEND("spend", "Spend recorded.", List.of("amount", "description", "financialYear"));

    /** Command fields named differently on the form. */
    private static final Map<String, String> FORM_FIELD = Map.of(
            "amountPence", "amount", "totalCostPence", "totalCost", "status", "rag");

    final String path;
    final String done;
    final List<String> fields;

    RecordForm(String path, String done, List<String> fields) {
        this.path = path;
        this.done = done;
        this.fields = fields;
    }

    static RecordForm byPath(String path) {
        for (RecordForm form : values()) {
            if (form.path.equals(path)) {
                return form;
            }
        }
        throw new ResourceNotFoundException("form", path);
    }

    /** What was typed, trimmed, for this form's fields only. */
    Map<String, String> values(Map<String, String> request) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            String value = request.get(field);
            values.put(field, value == null ? "" : value.strip());
        }
        return values;
    }

    /** The command, or null with {@code errors} saying what could not be read. */
    Object command(String actionId, Map<String, String> v, Map<String, String> errors) {
        String id = UUID.randomUUID().toString();
        return switch (this) {
            case PROGRESS -> new RecordProgress(actionId, id, v.get("period"), v.get("text"), null);
            case RAG -> {
                RagStatus rag = null;
                try {
                    rag = v.get("rag").isEmpty() ? null : RagStatus.valueOf(v.get("rag").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    // reported below
                }
                if (rag == null) {
                    errors.put("rag", "Choose Red, Amber or Green.");
                    yield null;
                }
                LocalDate effectiveOn = date("effectiveOn", v, errors, false);
                yield errors.isEmpty() ? new AssessRag(actionId, rag, blankToNull(v.get("reason")), effectiveOn, null) : null;
            }
            case REFERRAL -> {
                LocalDate received = date("receivedOn", v, errors, true);
                yield errors.isEmpty() ? new RecordReferral(actionId, id, received, v.get("referringAgency"),
                        blankToNull(v.get("subjectRef")), blankToNull(v.get("reason")), null) : null;
            }
            case TALLY -> {
                LocalDate from = date("periodFrom", v, errors, true);
                LocalDate to = date("periodTo", v, errors, true);
                Integer count = whole("count", v, errors);
                Long cost = pence("totalCost", v, errors);
                yield errors.isEmpty() ? new TallyReferrals(actionId, id, from, to, count, cost,
                        blankToNull(v.get("note")), null, null) : null;
            }
            case SPEND -> {
                Long amount = pence("amount", v, errors);
                FinancialYear year = null;
                try {
                    year = FinancialYear.parse(v.get("financialYear"));
                } catch (IllegalArgumentException e) {
                    errors.put("financialYear", "Write the financial year like 2013/14.");
                }
                yield errors.isEmpty() ? new RecordSpend(actionId, id, amount, v.get("description"), year, null, null) : null;
            }
        };
    }

    /** The reason the audit trail keeps with the change, if the form has one. */
    String reason(Map<String, String> values) {
        return this == RAG || this == REFERRAL ? blankToNull(values.get("reason")) : null;
    }

    /**
     * Why the command side refused, as messages by form field ("" for the form as a whole): the
     * same {@link Refusal} the API answers with, in the form's words. Anything else (a failure of
     * ours) is not the person's to fix and is thrown on.
     */
    Map<String, String> refusal(RuntimeException failure) {
        Refusal refusal = CommandFailures.explain(failure).orElseThrow(() -> failure);
        Map<String, String> errors = new LinkedHashMap<>();
        if (refusal.kind() == Refusal.Kind.CONCURRENT_CHANGE) {
            errors.put("", "Someone else changed this action at the same moment. Check the action and try again.");
        } else if (RejectionCode.NOT_ACTION_LEAD.name().equals(refusal.code())) {
            errors.put("", "You do not lead this action, so you cannot record against it.");
        } else if (refusal.errors().isEmpty()) {
            errors.put("", sentence(refusal.detail()));
        } else {
            refusal.errors().forEach(problem -> errors.merge(problem.field() == null ? "" : field(problem.field()),
                    sentence(problem.message()), (a, b) -> a + " " + b));
        }
        return errors;
    }

    private String field(String commandField) {
        String name = FORM_FIELD.getOrDefault(commandField, commandField);
        return fields.contains(name) ? name : "";
    }

    private static LocalDate date(String field, Map<String, String> v, Map<String, String> errors, boolean required) {
        String text = v.get(field);
        if (text.isEmpty()) {
            if (required) {
                errors.put(field, "Enter a date.");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1900 || date.getYear() > 2999) {
                errors.put(field, "Enter a date between 1900 and 2999.");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a date such as 2013-06-30.");
            return null;
        }
    }

    private static Integer whole(String field, Map<String, String> v, Map<String, String> errors) {
        try {
            return Integer.valueOf(v.get(field).replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number, such as 65.");
            return null;
        }
    }

    /** "£1,250.50", "1250.5" or "1250" as pence. */
    static Long pence(String field, Map<String, String> v, Map<String, String> errors) {
        return Money.pence(field, v.get(field), errors);
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "This is not valid.";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
