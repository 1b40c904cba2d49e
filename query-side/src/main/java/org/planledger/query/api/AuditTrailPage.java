package org.planledger.query.api;

import java.util.List;

public record AuditTrailPage(List<AuditEntry> entries, int page, int size, long total) {
}
