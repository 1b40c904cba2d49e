package org.planledger.infra.eventstore;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded event store (an H2 file) cannot be opened. Unlike the read models, the events are
 * the source of truth and cannot be rebuilt from anything, so the service refuses to start on
 * them, and says in plain words what happened and what to do, instead of a stack trace.
 */
public final class EventStoreUnreadable {

    /** H2's codes for a damaged file (FILE_CORRUPTED_1, IO_EXCEPTION_1 on a short read, GENERAL_ERROR_1 wrapping MVStore) and a file in use. */
    private static final int FILE_CORRUPTED = 90030;
    private static final int IO_EXCEPTION = 90028;
    private static final int GENERAL_ERROR = 50000;
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private static final Pattern H2_FILE = Pattern.compile("(/[^\\s\"\\[\\]]*event-store)(\\.mv\\.db)?");

    private EventStoreUnreadable() {
    }

    /** Prints the failure as Spring Boot's "APPLICATION FAILED TO START" block. */
    public static class Analyzer extends AbstractFailureAnalyzer<SQLException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
            String message = String.valueOf(cause.getMessage());
            Matcher file = H2_FILE.matcher(message);
            if (!file.find()) {
                return null;
            }
            String path = file.group(1) + ".mv.db";
            if (cause.getErrorCode() == DATABASE_ALREADY_OPEN) {
                return new FailureAnalysis("The event store " + path + " is in use by another process.",
                        "Stop the other Plan Ledger process using this data directory (planledger.data-dir), or "
                                + "give this one another data directory.", cause);
            }
            boolean damaged = cause.getErrorCode() == FILE_CORRUPTED || cause.getErrorCode() == IO_EXCEPTION
                    || (cause.getErrorCode() == GENERAL_ERROR && message.contains("MVStore"))
                    || message.toLowerCase().contains("corrupt");
            if (!damaged) {
                return null;
            }
            return new FailureAnalysis("The event store " + path + " cannot be read: " + firstLine(message)
                    + ". The events are the ledger's source of truth, so the service will not start on a damaged "
                    + "copy (the read models, by contrast, are rebuilt automatically).",
                    "1. Stop every process using the data directory and copy " + path + " aside (keep it). "
                            + "2. Restore the file from your latest backup and start again: the read models catch up "
                            + "by themselves. 3. Without a backup, H2's Recover tool may salvage the rows: "
                            + "java -cp h2-*.jar org.h2.tools.Recover -dir <data-dir> -db event-store, then run the "
                            + "generated event-store.h2.sql into a new database. Events after the backup are lost "
                            + "unless they can be recovered this way.", cause);
        }

        private static String firstLine(String message) {
            int end = message.indexOf('\n');
            return (end < 0 ? message : message.substring(0, end)).strip();
        }
    }
}
