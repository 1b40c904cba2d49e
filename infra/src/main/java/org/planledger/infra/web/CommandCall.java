package org.planledger.infra.web;

import org.planledger.infra.command.CallerCommands;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

import java.lang.reflect.RecordComponent;
import java.util.Map;

import static org.planledger.infra.web.CommandResponses.created;
import static org.planledger.infra.web.CommandResponses.idOr;

/**
 * One request to a {@link CommandRoute}, as its command function sees it: the path's variables,
 * the version the caller expects ({@code If-Match}), the id of a record being created ({@code newId}:
 * the client's or a new one), the caller; and, for {@link CommandRoute#answers} routes, sending as
 * the caller.
 *
 * @param reason the reason recorded with the change: the body's reason field when it gives one, else
 *               {@code X-Change-Reason}
 */
public record CommandCall(CommandRoute<?> route, Map<String, String> variables, Change change, String reason,
                          Authentication caller, CallerCommands commands, String newId) {

    CommandCall(CommandRoute<?> route, Map<String, String> variables, Change change, Object body, Authentication caller,
                CallerCommands commands) {
        this(route, variables, change, change.reason(bodyReason(body)), caller, commands, null);
    }

    /** The aggregate the request is about: the path's first variable ({planId}, {actionId}, {referralId}). */
    public String id() {
        return variables.get(route.aggregateVariable());
    }

    /** A path variable by name ({noteId}, {riskId}, ...). */
    public String variable(String name) {
        return variables.get(name);
    }

    /** The version the caller last saw, from If-Match; null when they asked for no check. */
    public Long expectedVersion() {
        return change.expectedVersion();
    }

    CommandCall withNewId(String clientId) {
        return new CommandCall(route, variables, change, reason, caller, commands, idOr(clientId));
    }

    /** Sends as the caller: the version {@code versionOf}'s aggregate reached, or null when nothing changed. */
    public Long send(Object command, String versionOf) {
        return commands.send(command, versionOf, route.kind(), reason);
    }

    /** Sends as the caller, for the few commands that answer something (RequireUpdateApproval). */
    public <R> R sendForResult(Object command) {
        return commands.sendForResult(command, route.kind(), reason);
    }

    /** The request's path, its variables filled in: /api/actions/a-1/funding. */
    public String path() {
        String expanded = route.pattern;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            expanded = expanded.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        return expanded;
    }

    ResponseEntity<Accepted> changed(String resourceId, Object command) {
        return CommandResponses.changed(resourceId, send(command, id()));
    }

    ResponseEntity<Accepted> createdIn(Object command) {
        return created(path() + "/" + newId, newId, send(command, id()));
    }

    ResponseEntity<Accepted> createdStream(String location, Object command) {
        return created(location + newId, newId, send(command, newId));
    }

    /** The body's {@code reason} field, when the request record has one. */
    private static String bodyReason(Object body) {
        if (body == null || !body.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : body.getClass().getRecordComponents()) {
            if (component.getName().equals("reason") && component.getType() == String.class) {
                try {
                    return (String) component.getAccessor().invoke(body);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}
