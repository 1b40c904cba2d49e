package org.planledger.events;

/**
 * Metadata keys every command carries and every event inherits through Axon's correlation data
 * providers, so the audit trail can say who did what, in which role, why, and from where.
 */
public final class AuditMetadata {
    /** User id of the person (or "system"/"importer") that sent the command. */
    public static final String ACTOR = "actor";
    /** Comma-separated roles the actor held when sending the command. */
    public static final String ACTOR_ROLES = "actorRoles";
    /** Optional free text: why the change was made. */
    public static final String REASON = "reason";
    /** Where the command came from: api, import or ui. */
    public static final String SOURCE = "source";
    /** Shared by every message that descends from one request. */
    public static final String CORRELATION_ID = "correlationId";
    /** Identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private AuditMetadata() {
    }
}
