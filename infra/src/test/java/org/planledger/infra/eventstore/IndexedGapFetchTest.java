package org.planledger.infra.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor whose token has gaps (events committed late by concurrent writers) still receives
 * exactly the late events and the next range, in index order, from the event store's own schema;
 * and H2 finds them through the primary key instead of reading the whole table.
 */
class IndexedGapFetchTest {

    private static String plan(Connection connection, String sql) throws Exception {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            explain.setLong(1, 40);
            explain.setLong(2, 45);
            explain.setLong(3, 3);
            explain.setLong(4, 17);
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                return plan.getString(1);
            }
        }
    }

    @Test
    void a_token_with_gaps_reads_the_gaps_and_the_next_range_in_order_through_the_index() throws Exception {
        EventSchema schema = new EventStoreConfiguration().eventSchema();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:mem:gaps;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
             Statement ddl = connection.createStatement()) {
            ddl.execute(new String(getClass().getResourceAsStream("/db/migration/V1__event_store.sql").readAllBytes()));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (aggregateIdentifier,"
                    + " sequenceNumber, type, eventIdentifier, payload, payloadType, timeStamp) VALUES (?, ?, 'Plan', ?, ?, 'T', '2013-06-01T00:00:00Z')")) {
                for (int i = 1; i <= 50; i++) {
                    insert.setString(1, "plan-" + i);
                    insert.setLong(2, 0);
                    insert.setString(3, "event-" + i);
                    insert.setBytes(4, new byte[]{1});
                    insert.executeUpdate();
                }
            }
            List<Long> read = new ArrayList<>();
            try (PreparedStatement query = new IndexedGapFetch().build(connection, schema, 40, 5, List.of(3L, 17L));
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    read.add(rows.getLong(schema.globalIndexColumn()));
                    assertThat(rows.getString(schema.eventIdentifierColumn())).isEqualTo("event-" + read.getLast());
                }
            }
            assertThat(read).containsExactly(3L, 17L, 41L, 42L, 43L, 44L, 45L);

            String axons = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ("
                    + schema.globalIndexColumn() + " > ? AND " + schema.globalIndexColumn() + " <= ?) OR "
                    + schema.globalIndexColumn() + " IN (?,?) ORDER BY " + schema.globalIndexColumn() + " ASC";
            // H2 names the index it walks and, when it can bound the walk, the condition: "/* public.PRIMARY_KEY_E */"
            // alone is the whole table in key order, every row then filtered
            assertThat(plan(connection, axons)).as("Axon's own query").contains("PRIMARY_KEY_E */");
            assertThat(plan(connection, IndexedGapFetch.sql(schema, 2)))
                    .doesNotContain("PRIMARY_KEY_E */").doesNotContainIgnoringCase("tableScan");
        }
    }
}
