package org.planledger.infra.importer;

/**
 * One reason a plan file was refused.
 *
 * @param path    where in the file, as a JSON path ({@code $.priorities[0].objectives[1].title})
 * @param record  the record it concerns, named by its ids
 *                ({@code priority 'asb' → objective 'asb-1' → indicator 'x'}), or "the file"
 * @param field   the field within that record ({@code target.value}), or "" for the record as a whole
 * @param message what is wrong, in plain words
 */
public record PlanDocumentProblem(String path, String record, String field, String message) {

    public PlanDocumentProblem(String path, String message) {
        this(path, "the file", "", message);
    }

    /** One line for a person: {@code priority 'asb' → indicator 'x': target.value is required for PERCENT_CHANGE}. */
    public String describe() {
        return record + ": " + (field.isEmpty() ? "" : field + " ") + message;
    }
}
