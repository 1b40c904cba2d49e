package org.planledger.infra.importer;

/** One reason a plan file was refused: where in the file (a JSON path such as $.priorities[0].id) and why. */
public record PlanDocumentProblem(String path, String message) {
}
