package org.planledger.query.replay;

/** What one event did to one value: the shared core of an audit "change" and a diff item. */
public record Change(String kind, String actionId, String subjectId, String field, String before, String after) {
}
