package org.planledger.query.api;

/** Newest first; page counts from 0; size is capped at {@link #MAX_PAGE_SIZE}. Answered with AuditTrailPage. */
public record FindAuditTrail(AuditFilter filter, int page, int size) {

    public static final int MAX_PAGE_SIZE = 200;
    public static final int DEFAULT_PAGE_SIZE = 50;

    public FindAuditTrail {
        filter = filter == null ? AuditFilter.none() : filter;
        page = Math.max(0, page);
        size = size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
    }
}
