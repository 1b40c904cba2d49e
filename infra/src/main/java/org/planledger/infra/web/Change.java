package org.planledger.infra.web;

import org.planledger.command.api.Limits;

/**
 * What a change request says besides its command: the version the caller last saw
 * ({@code If-Match}) and, for the audit trail, why ({@code X-Change-Reason}). Resolved once per
 * request by {@link ChangeArgumentResolver}, so a controller method only states its command.
 * <p>
 * {@code If-Match} is read only when the command asks for it, so an endpoint that has no version
 * to check (drafting a plan) ignores a malformed one, as it always has.
 *
 * @param ifMatch      the raw {@code If-Match} header, or null
 * @param headerReason the {@code X-Change-Reason} header, blank as null, at most {@link Limits#REASON} characters
 */
public record Change(String ifMatch, String headerReason) {

    /** An optional header giving the reason for a change; the body's own reason field wins when it has one. */
    public static final String REASON_HEADER = "X-Change-Reason";

    /** One limit for every reason, wherever it comes from: the body's reason fields are held to the same. */
    public static final int REASON_LIMIT = Limits.REASON;

    public Change {
        if (headerReason != null && headerReason.isBlank()) {
            headerReason = null;
        }
        if (headerReason != null && headerReason.length() > REASON_LIMIT) {
            throw new InvalidHeaderException(REASON_HEADER, REASON_HEADER + " must be at most " + REASON_LIMIT
                    + " characters, like a reason in the body (it has " + headerReason.length() + ")");
        }
    }

    /** @return the version the caller expects, or null when they did not ask for a check */
    public Long expectedVersion() {
        return IfMatch.expectedVersion(ifMatch);
    }

    /** @return the reason from the header, or null: for commands whose body has no reason field */
    public String reason() {
        return headerReason;
    }

    /** @return the body's reason when it gives one, otherwise the header's (or null) */
    public String reason(String bodyReason) {
        return bodyReason != null && !bodyReason.isBlank() ? bodyReason : headerReason;
    }
}
