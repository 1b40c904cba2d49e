package org.planledger.infra.ledger;

import java.sql.Connection;
import java.sql.SQLException;

/** JDBC details shared by the ledger's readers. */
final class LedgerJdbc {

    static final int FETCH_SIZE = 1000;
    /** {@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}, H2's JDBC extension level. */
    static final int H2_SNAPSHOT = 6;

    private LedgerJdbc() {
    }

    /**
     * Starts a transaction that sees one snapshot of every table, so that an event and its chain row,
     * appended together, are always seen together: H2's SNAPSHOT level (one snapshot of the whole
     * database at the first access to any table), PostgreSQL's REPEATABLE READ (snapshot isolation
     * from the first statement). Cursors with a fetch size stream on PostgreSQL only with auto-commit off.
     */
    static void snapshot(Connection connection, boolean readOnly) throws SQLException {
        connection.setAutoCommit(false);
        boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        connection.setTransactionIsolation(h2 ? H2_SNAPSHOT : Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(readOnly);
    }
}
