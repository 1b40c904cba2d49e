package org.planledger.infra;

import org.springframework.jdbc.core.JdbcTemplate;

/** How many events the embedded event store holds: a refused request must leave it unchanged. */
public final class StoredEvents {

    private StoredEvents() {
    }

    public static long count(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
