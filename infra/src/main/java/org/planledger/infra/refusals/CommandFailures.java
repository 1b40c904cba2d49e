package org.planledger.infra.refusals;

import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.planledger.command.api.CommandRejectedException;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Why a command failed, found among the causes Axon wraps it in (a CommandExecutionException, an
 * EventStoreException around a database error...), as a {@link Refusal}; empty when nothing in the
 * chain was meant for a person, so the caller answers with an unexpected failure.
 */
public final class CommandFailures {

    private static final String UNIQUE_VIOLATION = "23505";

    private CommandFailures() {
    }

    public static Optional<Refusal> explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<Refusal> refusal = explainOne(cause);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> explainOne(Throwable cause) {
        if (cause instanceof CommandRejectedException rejected) {
            return Optional.of(DomainRefusals.of(rejected));
        }
        if (cause instanceof ConflictingAggregateVersionException stale) {
            return Optional.of(stale(stale));
        }
        if (cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException
                || (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
            // The JDBC engine does not always recognise a duplicate key (an action id already used by
            // another plan's action arrives as a plain EventStoreException); the database's
            // unique-violation state (23505 in H2 and PostgreSQL) settles it.
            return Optional.of(duplicate());
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return Optional.of(notFound("resource", String.valueOf(notFound.getAggregateIdentifier())));
        }
        if (cause instanceof JSR303ViolationException invalid) {
            return Optional.of(Refusal.invalid(InputProblems.violations(invalid.getViolations())));
        }
        return Optional.empty();
    }

    public static Refusal stale(ConflictingAggregateVersionException conflict) {
        return new Refusal(Refusal.Kind.CONCURRENT_CHANGE, "stale-version", "STALE_VERSION",
                "'" + conflict.getAggregateIdentifier() + "' has changed since version " + conflict.getExpectedVersion()
                        + " (it is now at version " + conflict.getActualVersion()
                        + "); read it again and retry with the new ETag in If-Match.",
                null, List.of(), conflict.getActualVersion());
    }

    /** Also a concurrent change: two requests wrote the same stream at the same moment. */
    public static Refusal duplicate() {
        return new Refusal(Refusal.Kind.CONCURRENT_CHANGE, "duplicate-id", "DUPLICATE_ID",
                "That id is already used by something else, or another request changed the same record at the "
                        + "same moment. Choose another id, or read the record again and retry.",
                "id", List.of(), null);
    }

    /** @param kind what is missing ("plan", "action", "referral", or "resource" when unknown) */
    public static Refusal notFound(String kind, String id) {
        return new Refusal(Refusal.Kind.NOT_FOUND, kind + "-not-found", kind.toUpperCase().replace('-', '_') + "_NOT_FOUND",
                "There is no " + kind + " '" + id + "'.", null, List.of(), null);
    }
}
