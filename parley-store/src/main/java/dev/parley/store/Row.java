package dev.parley.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The current row of a result, read by column name; SQL NULL reads as an empty Optional. */
final class Row {

    private final ResultSet rs;

    Row(ResultSet rs) {
        this.rs = rs;
    }

    String string(String column) throws SQLException {
        String value = rs.getString(column);
        if (value == null) throw new SQLException("column " + column + " is null");
        return value;
    }

    Optional<String> optString(String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    boolean bool(String column) throws SQLException {
        return rs.getBoolean(column);
    }

    int integer(String column) throws SQLException {
        return rs.getInt(column);
    }

    long longValue(String column) throws SQLException {
        return rs.getLong(column);
    }

    Optional<Integer> optInteger(String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    Optional<Long> optLong(String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    Optional<BigDecimal> optDecimal(String column) throws SQLException {
        return Optional.ofNullable(rs.getBigDecimal(column));
    }

    Optional<Duration> optMillis(String column) throws SQLException {
        return optLong(column).map(Duration::ofMillis);
    }

    Instant instant(String column) throws SQLException {
        return optInstant(column).orElseThrow(() -> new SQLException("column " + column + " is null"));
    }

    Optional<Instant> optInstant(String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
