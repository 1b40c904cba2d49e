package org.planledger.command.api;

/**
 * Stable codes for business rejections. Clients and the HTTP layer key on these, so a code is
 * never renamed; {@link #kind()} says which family of HTTP answer fits it.
 */
public enum RejectionCode {
    PLAN_CLOSED(Kind.STATE_CONFLICT),
    PRIORITY_NOT_FOUND(Kind.NOT_FOUND),
    PRIORITY_RETIRED(Kind.STATE_CONFLICT),
    OBJECTIVE_NOT_FOUND(Kind.NOT_FOUND),
    INDICATOR_NOT_FOUND(Kind.NOT_FOUND),
    ACTION_NOT_OPEN(Kind.STATE_CONFLICT),
    ACTION_ALREADY_OPEN(Kind.STATE_CONFLICT),
    NOTE_NOT_FOUND(Kind.NOT_FOUND),
    NOTE_WITHDRAWN(Kind.STATE_CONFLICT),
    RISK_NOT_FOUND(Kind.NOT_FOUND),
    RISK_CLOSED(Kind.STATE_CONFLICT),
    REFERRAL_NOT_PENDING(Kind.STATE_CONFLICT),
    REFERRAL_ALREADY_CLOSED(Kind.STATE_CONFLICT),
    DUPLICATE_ID(Kind.DUPLICATE),
    NOT_ACTION_LEAD(Kind.FORBIDDEN),
    END_BEFORE_START(Kind.INVALID),
    NEGATIVE_MONEY(Kind.INVALID),
    REASON_REQUIRED(Kind.INVALID),
    INVALID_VALUE(Kind.INVALID),
    UNPRINTABLE_TEXT(Kind.INVALID),
    BOARD_MEETING_NOT_FOUND(Kind.NOT_FOUND),
    OBJECTIVE_RETIRED(Kind.STATE_CONFLICT),
    INDICATOR_RETIRED(Kind.STATE_CONFLICT),
    READING_NOT_FOUND(Kind.NOT_FOUND),
    SUBMISSION_NOT_FOUND(Kind.NOT_FOUND),
    SUBMISSION_NOT_PENDING(Kind.STATE_CONFLICT),
    NOT_APPROVER(Kind.FORBIDDEN);

    public enum Kind { INVALID, NOT_FOUND, STATE_CONFLICT, DUPLICATE, FORBIDDEN }

    private final Kind kind;

    RejectionCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
