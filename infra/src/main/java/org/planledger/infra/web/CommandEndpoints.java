package org.planledger.infra.web;

import org.planledger.infra.command.CallerCommands;
import org.springframework.http.ResponseEntity;

import java.util.function.Function;

import static org.planledger.infra.web.CommandResponses.created;
import static org.planledger.infra.web.CommandResponses.idOr;

/**
 * The plumbing the command controllers share: sending a command as the caller and answering with
 * the version the aggregate reached (200 with an ETag for a change, 201 with a Location for a
 * create). Each controller method still states its mapping, roles, OpenAPI text and command.
 */
abstract class CommandEndpoints {

    private final CallerCommands commands;
    private final String kind;

    /**
     * @param kind what the commands' target is called in a 404 ("plan", "action", "referral"); its
     *             resources live under {@code /api/<kind>s/<id>}
     */
    CommandEndpoints(CallerCommands commands, String kind) {
        this.commands = commands;
        this.kind = kind;
    }

    /** @return the version {@code versionOf} reached, or null when the command changed nothing */
    /** The command's own answer, for the few commands that answer something (RequireUpdateApproval). */
    <R> R sendForResult(Object command, String reason) {
        return commands.sendForResult(command, kind, reason);
    }

    Long send(Object command, String versionOf, String reason) {
        return commands.send(command, versionOf, kind, reason);
    }

    /** A change to {@code resourceId}: 200 with the version {@code versionOf} reached as the ETag. */
    ResponseEntity<Accepted> changed(String resourceId, String versionOf, Object command, String reason) {
        return CommandResponses.changed(resourceId, send(command, versionOf, reason));
    }

    /**
     * A resource with its own stream, created under the client's id (so a retry is harmless) or a new
     * one: 201 with its Location ({@code path} and the id) and, as the ETag, its own version.
     */
    ResponseEntity<Accepted> create(String path, String clientId, Function<String, ?> command, String reason) {
        String id = idOr(clientId);
        return created(path + id, id, send(command.apply(id), id, reason));
    }

    /**
     * A resource kept inside {@code parentId}'s stream, in its {@code collection}, created under the
     * client's id or a new one: 201 with its Location and, as the ETag, the parent's version.
     */
    ResponseEntity<Accepted> createIn(String parentId, String collection, String clientId, Function<String, ?> command,
                                      String reason) {
        String id = idOr(clientId);
        return created("/api/" + kind + "s/" + parentId + "/" + collection + "/" + id, id,
                send(command.apply(id), parentId, reason));
    }
}
