package org.planledger.query.plan;

import java.time.LocalDate;

/** A change in how an indicator is counted: readings dated before breakOn are not compared with later ones. */
public record SeriesBreakView(LocalDate breakOn, String reason, boolean newBaselinePending, LocalDate effectiveOn) {
}
