package org.planledger.infra.refusals;

/** A plan, action, referral or note the request names does not exist: 404. */
public class ResourceNotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public ResourceNotFoundException(String kind, String id) {
        super("There is no " + kind + " '" + id + "'.");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
