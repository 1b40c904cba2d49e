package org.planledger.infra.refusals;

/** One offending input and why it was refused; {@code field} is a JSON path such as {@code leads[0].name}, or null for the whole request. */
public record FieldProblem(String field, String message) {
}
