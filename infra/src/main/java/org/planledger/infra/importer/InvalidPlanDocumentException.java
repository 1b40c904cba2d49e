package org.planledger.infra.importer;

import java.util.List;
import java.util.stream.Collectors;

/** The file was refused as a whole; every problem found is listed, and nothing was imported. */
public class InvalidPlanDocumentException extends RuntimeException {

    private final List<PlanDocumentProblem> problems;

    public InvalidPlanDocumentException(List<PlanDocumentProblem> problems) {
        super("the plan file was refused, nothing was imported (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n" + problems.stream()
                .map(problem -> "  " + problem.describe() + "   [" + problem.path() + "]")
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PlanDocumentProblem> problems() {
        return problems;
    }
}
