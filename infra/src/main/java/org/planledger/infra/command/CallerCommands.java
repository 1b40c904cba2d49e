package org.planledger.infra.command;

import org.planledger.infra.refusals.ResourceNotFoundException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.planledger.infra.command.AppliedVersions;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Sends a command on behalf of the signed-in caller, for the API and the web pages alike: the
 * metadata names the caller ({@code actor}), their roles ({@code actorRoles}), the optional reason
 * and where it came from ({@code source=api} or {@code ui}), so every event says who did it and the
 * command side can apply the delivery-lead rule.
 * Returns the version the named aggregate reached, when the command changed it.
 */
@Component
public class CallerCommands {

    private final CommandGateway commandGateway;
    private final AppliedVersions appliedVersions;

    public CallerCommands(CommandGateway commandGateway, AppliedVersions appliedVersions) {
        this.commandGateway = commandGateway;
        this.appliedVersions = appliedVersions;
    }

    /**
     * @param command   the command
     * @param versionOf the aggregate whose new version the response reports (the one the resource lives in)
     * @param kind      what the command's target is called in a 404 ("plan", "action", "referral")
     * @param reason    why, for the audit trail; may be null
     * @return the version {@code versionOf} reached, or null if the command changed nothing (a repeated create)
     */
    public Long send(Object command, String versionOf, String kind, String reason) {
        String source = SOURCE.get();
        return send(command, versionOf, kind, reason, source == null ? CommandOrigin.SOURCE_API : source);
    }

    /**
     * The pages' forms call the API's own handler methods, so the rules and the commands are the
     * API's; while {@code work} runs on this thread, what they send is marked as coming from
     * {@code source} ({@code ui}) rather than {@code api}.
     */
    public static <T> T from(String source, java.util.function.Supplier<T> work) {
        String outer = SOURCE.get();
        SOURCE.set(source);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                SOURCE.remove();
            } else {
                SOURCE.set(outer);
            }
        }
    }

    private static final ThreadLocal<String> SOURCE = new ThreadLocal<>();

    /** As {@link #send(Object, String, String, String)}, naming where the command came from (the web pages send {@code ui}). */
    public Long send(Object command, String versionOf, String kind, String reason, String source) {
        return dispatch(command, kind, reason, source).versions().get(versionOf);
    }

    /** Sends the command as the caller and answers what its handler returned (RequireUpdateApproval: the plan's actions). */
    public <R> R sendForResult(Object command, String kind, String reason) {
        String source = SOURCE.get();
        @SuppressWarnings("unchecked")
        R result = (R) dispatch(command, kind, reason, source == null ? CommandOrigin.SOURCE_API : source).result();
        return result;
    }

    private record Dispatched(Object result, Map<String, Long> versions) {
    }

    private Dispatched dispatch(Object command, String kind, String reason, String source) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        CommandOrigin origin = new CommandOrigin(caller.getName(), Roles.of(caller), reason, source, null);
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(origin.toMetaData());
        appliedVersions.await(message.getIdentifier());
        Object result = null;
        Map<String, Long> versions;
        try {
            result = commandGateway.sendAndWait(message);
        } catch (AggregateNotFoundException notFound) {
            throw new ResourceNotFoundException(kind, String.valueOf(notFound.getAggregateIdentifier()));
        } finally {
            versions = appliedVersions.take(message.getIdentifier());
        }
        return new Dispatched(result, versions);
    }
}
