package org.planledger.query.api;

import java.time.LocalDate;
import java.util.List;

/** ragFrom/ragTo compare the two folds; changes lists the events effective in (from, to]. */
public record PlanDiff(String planId, LocalDate from, LocalDate to, RagCounts ragFrom, RagCounts ragTo,
                       List<DiffChange> changes) {
}
