package dev.parley.store;

import dev.parley.engine.store.TimelineEntry;
import dev.parley.engine.store.TimelineStore;
import java.sql.SQLException;
import java.util.List;

/**
 * Calls' timelines in the {@code call_timeline} table, one row per line, in {@code seq} order. Nothing is kept in
 * memory: a line is one INSERT, a read one SELECT.
 */
final class JdbcTimelines implements TimelineStore {

    private final Jdbc jdbc;

    JdbcTimelines(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the line only when the account has the call: from the call's row, so a line never outlives it. */
    @Override
    public boolean append(TimelineEntry e) {
        return jdbc.update("INSERT INTO call_timeline (call_sid, account_sid, happened_at, kind, description)"
                + " SELECT sid, account_sid, ?, ?, ? FROM calls WHERE account_sid = ? AND sid = ?",
            e.at(), e.kind(), e.text(), e.accountSid(), e.callSid()) == 1;
    }

    @Override
    public List<TimelineEntry> of(String accountSid, String callSid) {
        return jdbc.list("SELECT * FROM call_timeline WHERE account_sid = ? AND call_sid = ? ORDER BY seq",
            JdbcTimelines::map, accountSid, callSid);
    }

    @Override
    public List<TimelineEntry> withLegs(String accountSid, String callSid) {
        return jdbc.list("SELECT * FROM call_timeline WHERE account_sid = ? AND (call_sid = ? OR call_sid IN"
                + " (SELECT sid FROM calls WHERE account_sid = ? AND parent_call_sid = ?)) ORDER BY seq",
            JdbcTimelines::map, accountSid, callSid, accountSid, callSid);
    }

    private static TimelineEntry map(Row r) throws SQLException {
        return new TimelineEntry(r.string("account_sid"), r.string("call_sid"), r.instant("happened_at"),
            r.string("kind"), r.string("description"));
    }
}
