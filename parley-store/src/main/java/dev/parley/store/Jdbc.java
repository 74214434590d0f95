package dev.parley.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** {@link Queries} on pooled connections, each statement in its own transaction unless in {@link #transaction}. */
final class Jdbc extends Queries {

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    <T> T use(String sql, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(TransactionWork<T> work) {
        return use("(transaction)", c -> {
            c.setAutoCommit(false);
            try {
                T result = work.in(new InTransaction(c));
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    interface TransactionWork<T> {
        T in(Queries tx);
    }

    /** Queries on the one connection of a transaction. */
    private static final class InTransaction extends Queries {
        private final Connection connection;

        InTransaction(Connection connection) {
            this.connection = connection;
        }

        @Override
        <T> T use(String sql, Work<T> work) {
            try {
                return work.on(connection);
            } catch (SQLException e) {
                throw failure(sql, e);
            }
        }
    }
}
