package org.planledger.infra.axon;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.command.ActionLeads;
import org.planledger.command.PriorityLeads;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.DefaultRepositorySpanFactory;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateMetaModelFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.planledger.command.CommandSideModel;
import org.springframework.beans.factory.ObjectProvider;
import org.planledger.infra.config.ConditionalOnCommandSide;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Puts the command side into Axon's configuration.
 * <p>
 * The aggregates are plain, package-private Axon classes without Spring's {@code @Aggregate}
 * stereotype, so classpath scanning does not see them; they are registered from
 * {@link CommandSideModel#aggregateTypes()} instead. Axon's Spring Boot support applies every
 * {@link ConfigurerModule} bean to its {@code SpringConfigurer}, which subscribes each type's command
 * handlers. Each type gets a {@link CachingAggregateRepository} on the auto-configured event store
 * (built as Axon's default would be: the annotated meta-model, a pessimistic lock per aggregate, the
 * span factory), sharing one cache bounded by {@code planledger.command-side.aggregate-cache.max-events}
 * (default 50,000 events; 0 switches the cache off and every command reloads its aggregate's stream),
 * held through soft references so that the garbage collector may drop entries under memory pressure.
 * <p>
 * A query-only process ({@code planledger.command-side.enabled=false}) registers no aggregate.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnCommandSide
public class CommandSideConfiguration {

    /**
     * The leads of an action, for the Referral's command handlers (Axon resolves the parameter from
     * this bean): read from the event store, which is looked up on first use rather than at wiring.
     */
    @Bean
    public ActionLeads actionLeads(ObjectProvider<EventStore> eventStore) {
        return actionId -> ActionLeads.readFrom(eventStore.getObject()).userIdsOf(actionId);
    }

    /** The leads of an action's priority, for the Action's approval rule: read from the plan's stream on first need. */
    @Bean
    public PriorityLeads priorityLeads(ObjectProvider<EventStore> eventStore) {
        return (planId, objectiveId) -> PriorityLeads.readFrom(eventStore.getObject()).of(planId, objectiveId);
    }

    @Bean
    public ConfigurerModule commandSideAggregates(
            @Value("${planledger.command-side.aggregate-cache.max-events:50000}") long maxCachedEvents) {
        Cache<CachingAggregateRepository.Key, EventSourcedAggregate<?>> cache = maxCachedEvents <= 0 ? null
                : Caffeine.newBuilder()
                        .maximumWeight(maxCachedEvents)
                        .weigher((CachingAggregateRepository.Key key, EventSourcedAggregate<?> aggregate) ->
                                (int) Math.min(Integer.MAX_VALUE, aggregate.version() == null ? 1 : aggregate.version() + 1))
                        // Events differ in size (a note may hold 20,000 characters), so the event count alone does
                        // not bound memory: the JVM may also drop any entry before it would run out of heap.
                        .softValues()
                        // Every command puts its aggregate back after commit. Caffeine's default hands the
                        // cache's upkeep to the common pool after writes, waking a thread per command (in the
                        // 1-client benchmark's stack samples, LockSupport.unpark under that put was a quarter
                        // of the command thread); the upkeep itself is a few map operations, so do it here.
                        .executor(Runnable::run)
                        .build();
        return configurer -> CommandSideModel.aggregateTypes()
                .forEach(type -> configurer.configureAggregate(aggregate(type, cache)));
    }

    private static <A> AggregateConfigurer<A> aggregate(Class<A> type,
                                                        Cache<CachingAggregateRepository.Key, EventSourcedAggregate<?>> cache) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type);
        return cache == null ? aggregate : aggregate.configureRepository(c -> repository(type, c, cache));
    }

    private static <A> Repository<A> repository(Class<A> type, Configuration c,
                                                Cache<CachingAggregateRepository.Key, EventSourcedAggregate<?>> cache) {
        AggregateMetaModelFactory models = c.getComponent(AggregateMetaModelFactory.class,
                () -> new AnnotatedAggregateMetaModelFactory(c.parameterResolverFactory(), c.handlerDefinition(type)));
        EventSourcingRepository.Builder<A> builder = EventSourcingRepository.builder(type)
                .aggregateModel(models.createModel(type))
                .eventStore(c.eventStore())
                .repositoryProvider(c::repository)
                .spanFactory(c.getComponent(RepositorySpanFactory.class,
                        () -> DefaultRepositorySpanFactory.builder().spanFactory(c.spanFactory()).build()));
        return new CachingAggregateRepository<>(builder, type, c.eventStore(), cache);
    }
}
