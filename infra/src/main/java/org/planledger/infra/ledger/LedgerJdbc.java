package org.planledger.infra.ledger;

import java.sql.Connection;
import java.sql.SQLException;

/** JDBC details shared by the ledger's readers. */
final class LedgerJdbc {

    static final int FETCH_SIZE = 1000;

    private LedgerJdbc() {
    }

    /**
     * Starts a read-only transaction that sees one snapshot of every table, so that an event and its
     * chain row, appended together, are always seen together: SERIALIZABLE on H2 (its snapshot level),
     * REPEATABLE READ on PostgreSQL (snapshot isolation there). Cursors with a fetch size stream on
     * PostgreSQL only with auto-commit off.
     */
    static void snapshot(Connection connection, boolean readOnly) throws SQLException {
        connection.setAutoCommit(false);
        boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        connection.setTransactionIsolation(h2 ? Connection.TRANSACTION_SERIALIZABLE : Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(readOnly);
    }
}
