package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The personal fields of this case (subject reference, reason, decline reason, outcome note) were
 * crypto-shredded: the subject's key was deleted, so they read back as erased everywhere. Counts,
 * status and cost are untouched. subjectHash is the keyed hash (HMAC) of the reference, never the
 * reference itself; rule says why ("request: ..." or "retention: ...").
 */
@Revision("1")
public record ReferralSubjectErased(String planId, String actionId, String referralId, String subjectHash, String rule,
                                    LocalDate effectiveOn) implements ReferralEvent {

    /** What an erased personal field reads as, in every answer, page and replay. */
    public static final String ERASED = "[erased]";
}
