package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;

/** status OPEN (added or reopened), COMPLETED, CEASED; also schedule and lead changes as kind RESCHEDULED / LEADS_CHANGED. */
public record StatusChange(String kind, String detail, String reason, String actor, LocalDate effectiveOn,
                           Instant recordedAt) {
}
