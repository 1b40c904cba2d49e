package org.planledger.infra.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/**
 * Sends a command with its audit metadata. The HTTP layer and the importer use this instead of
 * the bare gateway so no command leaves without an actor and a source.
 * <p>
 * Failures arrive as they are thrown: {@code JSR303ViolationException} for bad input (refused at
 * dispatch), {@code CommandRejectedException} for business rules, Axon's concurrency exceptions
 * for stale versions.
 */
@Component
public class CommandSender {

    private final CommandGateway commandGateway;

    public CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> R sendAndWait(Object command, CommandOrigin origin) {
        return commandGateway.sendAndWait(message(command, origin));
    }

    public <R> CompletableFuture<R> send(Object command, CommandOrigin origin) {
        return commandGateway.send(message(command, origin));
    }

    /** The command as a message carrying the origin's metadata; its identifier becomes the events' causationId. */
    public static CommandMessage<Object> message(Object command, CommandOrigin origin) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(origin.toMetaData());
    }
}
