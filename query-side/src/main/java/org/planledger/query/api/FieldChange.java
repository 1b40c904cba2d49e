package org.planledger.query.api;

/** One value an event changed, both sides as text; before is null when there was none. */
public record FieldChange(String field, String before, String after) {
}
