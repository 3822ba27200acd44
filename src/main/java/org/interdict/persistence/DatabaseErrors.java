package org.interdict.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;

/**
 * What a failure of the database means for the client, by SQLSTATE. Losing a race to another writer is a 409 that
 * can be retried after a reload; a database that is restarting or unreachable is a 503, never a 500, and the pool
 * replaces the broken connections by itself.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {}

    /** The problem to answer for {@code e}, or an unchecked wrapper when it is a defect of ours. */
    public static RuntimeException translate(SQLException e) {
        ProblemException problem = problemFor(e);
        return problem != null ? problem : new IllegalStateException(e);
    }

    /** The problem {@code e} stands for, looking through its causes for a database failure; null when none. */
    public static ProblemException problemFor(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
            if (t instanceof SQLException sql) {
                ProblemException problem = classify(sql);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static ProblemException classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || e instanceof SQLTransientConnectionException
                || (state.isEmpty() && String.valueOf(e.getMessage()).contains("acquisition timeout"))) {
            return new ProblemException(ErrorCategory.UNAVAILABLE, "database-unavailable", "Service unavailable",
                    "The database cannot be reached right now; nothing was changed. Retry in a few seconds.");
        }
        return switch (state) {
            case "40001", "40P01", "55P03" -> ProblemException.conflict("concurrent-change",
                    "Someone else is changing the same record at this moment; nothing was changed. Reload and retry.");
            case "23505" -> ProblemException.conflict("already-exists",
                    "A record with the same identifying values already exists; nothing was changed.");
            case "57014" -> new ProblemException(ErrorCategory.UNAVAILABLE, "statement-timeout", "Service unavailable",
                    "The query took longer than the service allows and was cancelled; narrow it and retry.");
            default -> null;
        };
    }
}
