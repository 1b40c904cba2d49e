package org.planledger.infra.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@code domain_event_entry} exactly as stored: the bytes the ledger hashes. */
public record StoredEvent(long globalIndex, String eventIdentifier, String type, String aggregateIdentifier,
                          long sequenceNumber, String payloadType, String payloadRevision, String timeStamp,
                          byte[] payload, byte[] metaData) {

    /** The columns {@link #read} expects, in order (unqualified; prefix with an alias where needed). */
    static final String COLUMNS = "globalIndex, eventIdentifier, type, aggregateIdentifier, sequenceNumber, "
            + "payloadType, payloadRevision, timeStamp, payload, metaData";

    static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    /** Reads the ten columns starting at {@code first}. */
    static StoredEvent read(ResultSet rows, int first) throws SQLException {
        return new StoredEvent(rows.getLong(first), rows.getString(first + 1), rows.getString(first + 2),
                rows.getString(first + 3), rows.getLong(first + 4), rows.getString(first + 5), rows.getString(first + 6),
                rows.getString(first + 7), rows.getBytes(first + 8), rows.getBytes(first + 9));
    }
}
