package org.planledger.infra.command;

import org.axonframework.messaging.MetaData;
import org.planledger.events.AuditMetadata;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who sends a command, in which roles, why and from where: the audit metadata every command
 * carries and every resulting event inherits.
 *
 * @param actor         user id of the sender ("importer" for imports)
 * @param roles         the roles the sender held when sending
 * @param reason        optional free text; some changes require it
 * @param source        api, import or ui
 * @param correlationId optional id shared by everything one request causes (e.g. an HTTP request
 *                      id); when absent the command's own message id starts the chain
 */
public record CommandOrigin(String actor, Set<String> roles, String reason, String source, String correlationId) {

    public static final String SOURCE_API = "api";
    public static final String SOURCE_IMPORT = "import";
    public static final String SOURCE_UI = "ui";

    public CommandOrigin {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static CommandOrigin of(String actor, Set<String> roles, String source) {
        return new CommandOrigin(actor, roles, null, source, null);
    }

    public CommandOrigin because(String newReason) {
        return new CommandOrigin(actor, roles, newReason, source, correlationId);
    }

    public CommandOrigin correlatedWith(String newCorrelationId) {
        return new CommandOrigin(actor, roles, reason, source, newCorrelationId);
    }

    /** Roles travel as one comma-separated, sorted string, as {@link AuditMetadata#ACTOR_ROLES} says. */
    public MetaData toMetaData() {
        Map<String, Object> entries = new HashMap<>();
        entries.put(AuditMetadata.ACTOR, actor);
        entries.put(AuditMetadata.ACTOR_ROLES, String.join(",", new TreeSet<>(roles)));
        entries.put(AuditMetadata.SOURCE, source);
        if (reason != null && !reason.isBlank()) {
            entries.put(AuditMetadata.REASON, reason);
        }
        if (correlationId != null && !correlationId.isBlank()) {
            entries.put(AuditMetadata.CORRELATION_ID, correlationId);
        }
        return MetaData.from(entries);
    }
}
