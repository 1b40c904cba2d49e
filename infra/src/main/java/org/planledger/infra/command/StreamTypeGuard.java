package org.planledger.infra.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.CreationPolicy;
import org.planledger.command.CommandSideModel;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.RejectionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a command away from a stream of another aggregate type. Plans, actions and referrals
 * share one id space in the event store, and Axon's repository loads whatever stream the id
 * names: a priority sent to an action's id would be appended to the action's stream, and a
 * DraftPlan reusing an action's id would start a plan inside it. Before the handler runs, this
 * reads the first event of the target stream and refuses the command when the stream belongs to
 * another aggregate type: "no such plan" (404) for an update, "id already used" (409) for a create.
 * It runs inside the command's unit of work, so a refusal stores nothing, and it guards every
 * sender (the API, the importer), not only HTTP.
 *
 * <p>A stream's type is fixed by its first event and never changes, so the answer is cached per id
 * (Caffeine, bounded). Reading the stream for every command cost about a quarter of the command
 * path in the benchmark's stack samples: Axon's JDBC engine fetches a whole batch of the stream to
 * peek at its first event. Only found streams are cached: an id with no stream yet may get one.
 */
@Component
public class StreamTypeGuard implements SmartInitializingSingleton {

    private final ObjectProvider<CommandBus> commandBus;
    private final ObjectProvider<EventStore> eventStore;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    /** Aggregate id to the type of the aggregate whose stream it names; only streams that exist. */
    private final Cache<String, String> streamTypes = Caffeine.newBuilder().maximumSize(200_000).build();
    /** Command payload type to the simple name of the aggregate that handles it. */
    private final Map<Class<?>, String> handlingAggregate = new HashMap<>();
    /** Commands that may create their aggregate (a creation policy): a foreign stream is then a duplicate id. */
    private final Set<Class<?>> creating = new HashSet<>();

    public StreamTypeGuard(ObjectProvider<CommandBus> commandBus, ObjectProvider<EventStore> eventStore) {
        this.commandBus = commandBus;
        this.eventStore = eventStore;
        for (Class<?> aggregate : CommandSideModel.aggregateTypes()) {
            List<Executable> handlers = new ArrayList<>(List.of(aggregate.getDeclaredMethods()));
            handlers.addAll(List.of(aggregate.getDeclaredConstructors()));
            for (Executable handler : handlers) {
                if (handler.isAnnotationPresent(CommandHandler.class) && handler.getParameterCount() > 0) {
                    Class<?> commandType = handler.getParameterTypes()[0];
                    handlingAggregate.put(commandType, aggregate.getSimpleName());
                    if (handler.isAnnotationPresent(CreationPolicy.class) || handler instanceof java.lang.reflect.Constructor) {
                        creating.add(commandType);
                    }
                }
            }
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.getObject().registerHandlerInterceptor(new Guard());
    }

    private final class Guard implements MessageHandlerInterceptor<CommandMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            CommandMessage<?> command = unitOfWork.getMessage();
            String expected = handlingAggregate.get(command.getPayloadType());
            if (expected != null) {
                String id = targets.resolveTarget(command).getIdentifier();
                String actual = streamType(id);
                if (actual != null && !actual.equals(expected)) {
                    if (creating.contains(command.getPayloadType())) {
                        throw new CommandRejectedException(RejectionCode.DUPLICATE_ID, "id",
                                "the id '" + id + "' is already used by " + article(actual) + " " + actual.toLowerCase());
                    }
                    throw new AggregateNotFoundException(id,
                            "there is no " + expected.toLowerCase() + " '" + id + "' (that id is " + article(actual) + " "
                                    + actual.toLowerCase() + ")");
                }
            }
            return chain.proceed();
        }
    }

    private String streamType(String aggregateId) {
        String known = streamTypes.getIfPresent(aggregateId);
        if (known != null) {
            return known;
        }
        DomainEventStream events = eventStore.getObject().readEvents(aggregateId);
        if (!events.hasNext()) {
            return null;
        }
        DomainEventMessage<?> first = events.peek();
        streamTypes.put(aggregateId, first.getType());
        return first.getType();
    }

    private static String article(String noun) {
        return "AEIOU".indexOf(Character.toUpperCase(noun.charAt(0))) >= 0 ? "an" : "a";
    }
}
