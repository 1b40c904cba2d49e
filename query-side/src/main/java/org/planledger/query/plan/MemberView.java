package org.planledger.query.plan;

import java.time.LocalDate;

/** A plan member as last recorded; from and to may be unknown (null). */
public record MemberView(String memberId, String name, String organisation, String role, LocalDate from, LocalDate to) {

    /** A member on that date: joined by then (or not known when) and not yet left (the day they leave counts). */
    public boolean memberOn(LocalDate date) {
        return (from == null || !from.isAfter(date)) && (to == null || !to.isBefore(date));
    }
}
