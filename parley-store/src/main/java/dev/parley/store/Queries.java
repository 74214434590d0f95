package dev.parley.store;

import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.Direction;
import dev.parley.engine.store.StoreException;
import dev.parley.twiml.HttpMethod;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC with the few conversions the store needs, on a connection of the pool ({@link Jdbc}) or of a
 * transaction ({@link Jdbc#transaction}). Arguments may be Optionals (empty is NULL), Instants (kept to the
 * microsecond, the precision both databases store), Durations (milliseconds) and the engine's enums (their Twilio
 * value).
 */
abstract class Queries {

    /** Work on a connection. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Maps the current row of a result. */
    interface Mapper<T> {
        T map(Row row) throws SQLException;
    }

    /** Runs the work on a connection; a failure names the statement. */
    abstract <T> T use(String sql, Work<T> work);

    final <T> List<T> list(String sql, Mapper<T> mapper, Object... args) {
        return use(sql, c -> {
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                Row row = new Row(rs);
                while (rs.next()) rows.add(mapper.map(row));
                return rows;
            }
        });
    }

    final <T> Optional<T> one(String sql, Mapper<T> mapper, Object... args) {
        List<T> rows = list(sql, mapper, args);
        if (rows.size() > 1) throw new StoreException("expected one row, got " + rows.size() + ": " + sql);
        return rows.stream().findFirst();
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the rows it changed. */
    final int update(String sql, Object... args) {
        return use(sql, c -> {
            try (PreparedStatement ps = prepare(c, sql, args)) {
                return ps.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) bind(ps, i + 1, args[i]);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int index, Object arg) throws SQLException {
        Object value = arg instanceof Optional<?> optional ? optional.orElse(null) : arg;
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case Instant instant -> ps.setObject(index, timestamp(instant));
            case OffsetDateTime time -> ps.setObject(index, time);
            case Duration duration -> ps.setLong(index, duration.toMillis());
            case CallStatus status -> ps.setString(index, status.value());
            case Direction direction -> ps.setString(index, direction.value());
            case HttpMethod method -> ps.setString(index, method.name());
            default -> ps.setObject(index, value);
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** A failure as the store reports it: what was being done, and the database's reason. */
    static StoreException failure(String sql, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what = switch (state) {
            case "23505" -> "already exists";
            case "23503", "23506" -> "refers to something that does not exist"; // PostgreSQL, H2
            default -> "failed";
        };
        return new StoreException("store " + what + " (SQLState " + state + "): " + e.getMessage() + " in: " + sql, e);
    }
}
