package org.planledger.infra.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Tells the HTTP layer the version each aggregate reached through a command, for the
 * {@code ETag} of the response, without changing the aggregates or what their handlers return.
 * <p>
 * An aggregate's version is the sequence number of its last event. Every event an aggregate
 * applies is published to the event store within the command's unit of work, as a
 * {@link DomainEventMessage} carrying aggregate id and sequence number, before anything is
 * committed. So:
 * <ol>
 *   <li>a dispatch interceptor on the event bus notes the highest sequence number per aggregate
 *   in the unit of work's resources (this also sees the Action a Plan starts with
 *   {@code createNew}, and the Referral an Action starts);</li>
 *   <li>a handler interceptor on the command bus, for commands the HTTP layer is waiting on,
 *   copies those numbers out <em>after commit</em>, so a rolled-back command (a rejection, a
 *   stale version, a duplicate stream) reports nothing;</li>
 *   <li>the HTTP thread registers interest in the command's message id before sending and takes
 *   the numbers after the gateway returns. Only awaited commands are kept (importer traffic
 *   leaves nothing behind), and the caller always forgets its entry.</li>
 * </ol>
 * Why not read the event store after the command: another command may already have moved the
 * aggregate on, and the ETag would then claim a version this client never saw. Why not a result
 * from the handlers: the command side would have to know about HTTP concerns. This works for
 * every local command bus; a command handled in another process (Axon Server routing) reports no
 * version, and the response then simply has no ETag.
 */
@Component
public class AppliedVersions implements SmartInitializingSingleton {

    private static final String RESOURCE = AppliedVersions.class.getName() + ".sequences";

    private final Map<String, Map<String, Long>> awaited = new ConcurrentHashMap<>();

    private final ObjectProvider<CommandBus> commandBus;
    private final ObjectProvider<EventBus> eventBus;

    public AppliedVersions(ObjectProvider<CommandBus> commandBus, ObjectProvider<EventBus> eventBus) {
        this.commandBus = commandBus;
        this.eventBus = eventBus;
    }

    /**
     * Registers the interceptors once every bean exists, before the web server takes requests.
     * Asking for the buses any earlier would build Axon's configuration while its own modules are
     * still being created.
     */
    @Override
    public void afterSingletonsInstantiated() {
        eventBus.getObject().registerDispatchInterceptor(new NoteSequences());
        commandBus.getObject().registerHandlerInterceptor(new ReportAfterCommit());
    }

    /** Call before sending the command with this message id. */
    public void await(String commandMessageId) {
        awaited.put(commandMessageId, new ConcurrentHashMap<>());
    }

    /** The versions the command committed, by aggregate id; forgets the entry. */
    public Map<String, Long> take(String commandMessageId) {
        Map<String, Long> versions = awaited.remove(commandMessageId);
        return versions == null ? Map.of() : Map.copyOf(versions);
    }

    private final class NoteSequences implements MessageDispatchInterceptor<EventMessage<?>> {
        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            if (CurrentUnitOfWork.isStarted()) {
                Map<String, Long> sequences = CurrentUnitOfWork.get().root()
                        .getOrComputeResource(RESOURCE, key -> new ConcurrentHashMap<String, Long>());
                for (EventMessage<?> message : messages) {
                    if (message instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
                        sequences.merge(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), Math::max);
                    }
                }
            }
            return (index, message) -> message;
        }
    }

    private final class ReportAfterCommit implements MessageHandlerInterceptor<CommandMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            String messageId = unitOfWork.getMessage().getIdentifier();
            if (awaited.containsKey(messageId)) {
                unitOfWork.afterCommit(committed -> {
                    Map<String, Long> sequences = committed.root().getResource(RESOURCE);
                    Map<String, Long> target = awaited.get(messageId);
                    if (sequences != null && target != null) {
                        target.putAll(sequences);
                    }
                });
            }
            return chain.proceed();
        }
    }
}
