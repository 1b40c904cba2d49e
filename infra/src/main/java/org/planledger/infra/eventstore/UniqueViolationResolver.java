package org.planledger.infra.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Tells Axon's JDBC engine that an insert broke a unique key, so that a second event at the same
 * (aggregateIdentifier, sequenceNumber) becomes a {@code ConcurrencyException} (or
 * {@code AggregateStreamCreationException} at sequence 0): a conflict, answered with 409.
 * <p>
 * Axon's own {@code JdbcSQLErrorCodesResolver} only recognises
 * {@link SQLIntegrityConstraintViolationException}, which H2 throws and the PostgreSQL driver does
 * not: PostgreSQL reports a {@code PSQLException} with SQLState 23505. Without this, two
 * processes racing on one aggregate version got a plain {@code EventStoreException} on PostgreSQL
 * (found by PostgresConcurrencyTest). SQLState 23505 is the SQL standard's unique violation, the
 * same in H2 and PostgreSQL.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
