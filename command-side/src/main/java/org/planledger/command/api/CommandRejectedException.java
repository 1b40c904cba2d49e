package org.planledger.command.api;

/**
 * A business rule refused a command. The message is written for the person who sent it; the
 * field, when there is one, names the part of the request at fault.
 */
public class CommandRejectedException extends RuntimeException {

    private final RejectionCode code;
    private final String field;

    public CommandRejectedException(RejectionCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public CommandRejectedException(RejectionCode code, String message) {
        this(code, null, message);
    }

    public RejectionCode code() {
        return code;
    }

    /** The request field at fault, or null when the rejection is about state rather than a field. */
    public String field() {
        return field;
    }
}
