package org.interdict.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The one way to the database: plain JDBC on the caller's (worker) thread. A unit of work runs in one transaction,
 * committed when the work returns and rolled back when it throws; database failures leave as problems
 * ({@link DatabaseErrors}): a conflict with another writer is a 409, an unreachable database a 503.
 */
public final class Transactions {

    /** Work on the transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {}

    /** One read-committed transaction. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** Reads on one connection in auto-commit mode: each statement sees what was committed when it started. */
    public static <T> T read(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** A rollback on a connection that just broke fails too; the first failure is the one worth reporting. */
    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
