package org.planledger.infra.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@code ledger_chain}. Hashes are lower-case hex. */
public record ChainRow(long globalIndex, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                       String hash, String previousHash) {

    static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, event_identifier, hash, previous_hash";

    static ChainRow read(ResultSet rows, int first) throws SQLException {
        return new ChainRow(rows.getLong(first), rows.getString(first + 1), rows.getLong(first + 2),
                rows.getString(first + 3), rows.getString(first + 4), rows.getString(first + 5));
    }
}
