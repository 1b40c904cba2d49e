package org.planledger.query.support;

import org.axonframework.messaging.MetaData;
import org.planledger.events.AuditMetadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Who did it, in which roles, why, from where, and in answer to which request: the event's audit metadata. */
public record AuditInfo(String actor, List<String> actorRoles, String reason, String source,
                        String correlationId, String causationId) {

    public static final AuditInfo NONE = new AuditInfo(null, List.of(), null, null, null, null);

    public AuditInfo {
        actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
    }

    public static AuditInfo from(MetaData metaData) {
        if (metaData == null) {
            return NONE;
        }
        return new AuditInfo(text(metaData.get(AuditMetadata.ACTOR)), roles(metaData.get(AuditMetadata.ACTOR_ROLES)),
                text(metaData.get(AuditMetadata.REASON)), text(metaData.get(AuditMetadata.SOURCE)),
                text(metaData.get(AuditMetadata.CORRELATION_ID)), text(metaData.get(AuditMetadata.CAUSATION_ID)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Roles travel as "A,B" (the documented form) but a serializer may hand back a list: accept both. */
    private static List<String> roles(Object value) {
        List<String> roles = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(role -> roles.add(role.toString().trim()));
        } else if (value != null) {
            for (String role : value.toString().split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.trim());
                }
            }
        }
        return roles;
    }
}
