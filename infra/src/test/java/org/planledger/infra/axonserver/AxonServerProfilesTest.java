package org.planledger.infra.axonserver;

import com.mongodb.client.MongoClient;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.planledger.command.CommandSideModel;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.web.CommandRoutes;
import org.planledger.infra.web.QueryController;
import org.planledger.query.QuerySideModel;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.support.GenericApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The axonserver profile, whole and split, built without an Axon Server (none can run here).
 * <p>
 * Axon connects when its configuration starts, not when its beans are made: the
 * {@code AxonServerConnectionManager} opens a connection on the first {@code getConnection} call,
 * which comes from the buses subscribing handlers, the processors opening event streams and the
 * heartbeat, all in Axon's start phases, which Spring drives through {@code SmartLifecycle}
 * ({@code SpringAxonConfiguration.start}). Spring uses a bean named {@code lifecycleProcessor} when
 * one exists, so these tests give it one that starts nothing: every bean is created and wired as
 * in production, nothing is started (no connection, no processor thread, no web server). A spy on
 * the connection manager proves that no connection was ever asked for.
 */
class AxonServerProfilesTest {

    @TempDir
    Path dataDir;

    @Test
    void bothHalvesUseAxonServerForEventsCommandsAndQueriesWithTokensInMongoDb() {
        try (ConfigurableApplicationContext context = build("axonserver")) {
            assertRoutedThroughAxonServer(context);
            assertThat(aggregates(context)).containsExactlyInAnyOrderElementsOf(CommandSideModel.aggregateTypes());
            assertProjections(context, QuerySideModel.processingGroups());
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
            assertThat(context.getBeanNamesForType(CommandRoutes.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(QueryController.class)).hasSize(1);
            assertNeverConnected(context);
        }
    }

    @Test
    void commandOnlyHasTheAggregatesAndWriteEndpointsButNoProjectionsAndNoMongoDb() {
        try (ConfigurableApplicationContext context = build("axonserver,command")) {
            assertRoutedThroughAxonServer(context);
            assertThat(aggregates(context)).containsExactlyInAnyOrderElementsOf(CommandSideModel.aggregateTypes());
            assertProjections(context, List.of());
            assertThat(context.getBeanNamesForType(MongoClient.class)).isEmpty();
            assertThat(context.getBeanNamesForType(CommandRoutes.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(QueryController.class)).isEmpty();
            assertThat(context.getBean(AxonServerConnectionManager.class).getDefaultContext()).isEqualTo("default");
            assertNeverConnected(context);
        }
    }

    @Test
    void queryOnlyHasTheProjectionsAndReadEndpointsButNoAggregatesAndFindsAxonServerFromTheEnvironment() {
        try (ConfigurableApplicationContext context = build("axonserver,query",
                "--AXON_AXONSERVER_SERVERS=axonserver-1:8124,axonserver-2:8124", "--AXON_AXONSERVER_CONTEXT=kettering")) {
            assertRoutedThroughAxonServer(context);
            assertThat(aggregates(context)).isEmpty();
            assertProjections(context, QuerySideModel.processingGroups());
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
            assertThat(context.getBeanNamesForType(QueryController.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(CommandRoutes.class)).isEmpty();

            var configuration = context.getBean(org.axonframework.axonserver.connector.AxonServerConfiguration.class);
            assertThat(configuration.getServers()).isEqualTo("axonserver-1:8124,axonserver-2:8124");
            assertThat(configuration.getContext()).isEqualTo("kettering");
            assertThat(configuration.getComponentName()).isEqualTo("plan-ledger-query");
            assertNeverConnected(context);
        }
    }

    private ConfigurableApplicationContext build(String profiles, String... extraArguments) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--spring.profiles.active=" + profiles,
                "--planledger.data-dir=" + dataDir, "--server.port=0"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(PlanLedgerApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .initializers((GenericApplicationContext context) -> {
                    context.registerBean("lifecycleProcessor", LifecycleProcessor.class, StartsNothing::new);
                    context.registerBean("connectionManagerSpy", BeanPostProcessor.class, SpyOnConnectionManager::new);
                })
                .run(arguments.toArray(String[]::new));
    }

    private static void assertRoutedThroughAxonServer(ConfigurableApplicationContext context) {
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(context.getBeanNamesForType(EventStorageEngine.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DataSource.class)).as("no relational database").isEmpty();
    }

    private static List<Class<?>> aggregates(ConfigurableApplicationContext context) {
        return context.getBean(Configuration.class).findModules(AggregateConfiguration.class).stream()
                .<Class<?>>map(AggregateConfiguration::aggregateType).toList();
    }

    private static void assertProjections(ConfigurableApplicationContext context, List<String> groups) {
        var processors = context.getBean(EventProcessingConfiguration.class).eventProcessors();
        assertThat(processors.keySet()).containsExactlyInAnyOrderElementsOf(groups);
        assertThat(processors.values()).allSatisfy(processor -> {
            assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(processor.isRunning()).isFalse();
        });
    }

    private static void assertNeverConnected(ConfigurableApplicationContext context) {
        AxonServerConnectionManager connectionManager = context.getBean(AxonServerConnectionManager.class);
        assertThat(Mockito.mockingDetails(connectionManager).isSpy()).isTrue();
        verify(connectionManager, never()).getConnection();
        verify(connectionManager, never()).getConnection(anyString());
        verify(connectionManager, never()).getConnection(any());
        assertThat(connectionManager.isConnected(connectionManager.getDefaultContext())).isFalse();
    }

    /** Spring's lifecycle processor minus the starting: beans are built, nothing runs. */
    static final class StartsNothing implements LifecycleProcessor {
        @Override
        public void onRefresh() {
        }

        @Override
        public void onClose() {
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return false;
        }
    }

    /** Wraps the connection manager so the tests can prove it was never asked to connect. */
    static final class SpyOnConnectionManager implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof AxonServerConnectionManager manager ? Mockito.spy(manager) : bean;
        }
    }
}
