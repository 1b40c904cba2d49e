package org.planledger.infra.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.query.QuerySideModel;
import org.planledger.query.journal.EventPositions;
import org.planledger.query.replay.DecodedJournals;
import org.planledger.query.replay.PlanStates;
import org.planledger.query.replay.TimeTravelCaches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Puts the query side into Axon's configuration: its projections join the processing groups named
 * on them (settings in application.yml, tokens in MongoDB) and its query handlers join the query
 * bus. The query side has no Spring annotations; {@link QuerySideModel} lists its components.
 * A command-only process ({@code planledger.query-side.enabled=false}) has none of them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnQuerySide
public class QuerySideConfiguration {

    /** "Today" for the board's overdue and stale flags is the partnership's day, as on the command side. */
    public static final ZoneId PARTNERSHIP_ZONE = ZoneId.of("Europe/London");

    @Bean
    public QuerySideModel querySideModel(MongoDatabase planLedgerMongoDatabase, ObjectProvider<DataSource> dataSource,
            @Value("${planledger.query-side.time-travel.journal-events:" + DecodedJournals.DEFAULT_MAX_EVENTS + "}") long journalEvents,
            @Value("${planledger.query-side.time-travel.folded-events:" + PlanStates.DEFAULT_MAX_FOLDED_EVENTS + "}") long foldedEvents) {
        QuerySideModel.createIndexes(planLedgerMongoDatabase);
        DataSource store = dataSource.getIfAvailable();
        EventPositions positions = store == null ? EventPositions.UNKNOWN : new JdbcEventPositions(store);
        return QuerySideModel.create(planLedgerMongoDatabase, Clock.system(PARTNERSHIP_ZONE), positions,
                new TimeTravelCaches(journalEvents, foldedEvents));
    }

    /**
     * The JDBC event store's global index of an event, by its identifier (unique, indexed). Asked by
     * the journal only when a tracking token cannot tell, e.g. for the first event after a restart.
     * On Axon Server there is no DataSource and no need: its tokens have no gaps.
     */
    record JdbcEventPositions(DataSource dataSource) implements EventPositions {
        @Override
        public java.util.OptionalLong globalIndexOf(String eventIdentifier) {
            try (java.sql.Connection connection = dataSource.getConnection();
                 java.sql.PreparedStatement query = connection.prepareStatement(
                         "SELECT globalIndex FROM domain_event_entry WHERE eventIdentifier = ?")) {
                query.setString(1, eventIdentifier);
                try (java.sql.ResultSet row = query.executeQuery()) {
                    return row.next() ? java.util.OptionalLong.of(row.getLong(1)) : java.util.OptionalLong.empty();
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("could not read the global index of event " + eventIdentifier, e);
            }
        }
    }

    /**
     * Registered through the Configurer rather than as Spring beans so the projections stay plain
     * objects; registerMessageHandler subscribes whatever event and query handlers each one has.
     */
    @Bean
    public ConfigurerModule querySideHandlers(QuerySideModel querySideModel) {
        return configurer -> querySideModel.components()
                .forEach(component -> configurer.registerMessageHandler(configuration -> component));
    }

    /**
     * A projection that fails on an event must stop and retry that batch, not log and move on:
     * Axon's default for event handlers (LoggingErrorHandler) would store the token past the event
     * and the read model would silently never contain it. With the error propagated the unit of
     * work rolls back, the pooled processor releases the segment and claims it again after a
     * back-off, and the batch is redelivered (handlers skip what a document already absorbed).
     */
    @Bean
    public ConfigurerModule projectionsRetryInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
