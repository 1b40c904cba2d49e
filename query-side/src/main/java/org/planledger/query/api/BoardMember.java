package org.planledger.query.api;

import java.time.LocalDate;

/** A plan member on the board's date. */
public record BoardMember(String memberId, String name, String organisation, String role, LocalDate from, LocalDate to) {
}
