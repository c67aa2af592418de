package jp.moshisapo.checkin.processing;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells an outage (the database or Kafka cannot be reached or is overloaded: every event would fail, so nothing
 * may be parked, the batch waits and is retried) from a failure of the events themselves (a data error, a bug
 * one event triggers: retrying cannot help, so the event at fault is parked).
 */
final class Failures {

    private Failures() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isOutageState(sql)) {
                return true;
            }
            if (t instanceof TimeoutException || t instanceof RetriableException || t instanceof IOException
                    || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Connection exceptions (08), insufficient resources (53), operator intervention incl. statement timeout and
     * shutdown (57), system errors (58), transaction rollbacks such as deadlocks (40), and no SQLState at all (the
     * pool's acquisition timeout). Everything else (22 data exception, 23 constraint violation, …) is the data's.
     */
    private static boolean isOutageState(SQLException sql) {
        String state = sql.getSQLState() == null && sql.getNextException() != null
                ? sql.getNextException().getSQLState() : sql.getSQLState(); // a batch's first failed statement
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("58") || state.startsWith("40");
    }

    /** The exception classes and SQLStates along the cause chain, without messages (they may quote the event). */
    static String classes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                text.append('(').append(sql.getSQLState()).append(')');
            }
        }
        return text.length() > 500 ? text.substring(0, 500) : text.toString();
    }
}
