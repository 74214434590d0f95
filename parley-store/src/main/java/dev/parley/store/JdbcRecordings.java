package dev.parley.store;

import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.RecordingFilter;
import dev.parley.engine.store.RecordingStore;
import dev.parley.engine.store.StoredRecording;
import java.sql.SQLException;
import java.util.Optional;

/** Recordings' metadata in the {@code recordings} table. */
final class JdbcRecordings implements RecordingStore {

    private final Jdbc jdbc;
    private final AccountRows<StoredRecording> rows;

    JdbcRecordings(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.rows = new AccountRows<>(jdbc, "recordings", JdbcRecordings::map, StoredRecording::sid);
    }

    @Override
    public StoredRecording create(StoredRecording r) {
        jdbc.update("INSERT INTO recordings (sid, account_sid, call_sid, conference_sid, status, source, channels,"
                + " start_time, duration, price, price_unit, error_code, date_created, date_updated)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            r.sid(), r.accountSid(), r.callSid(), r.conferenceSid(), r.status(), r.source(), r.channels(),
            r.startTime(), r.duration(), r.price(), r.priceUnit(), r.errorCode(), r.dateCreated(), r.dateUpdated());
        return r;
    }

    @Override
    public Optional<StoredRecording> fetch(String accountSid, String sid) {
        return rows.fetch(accountSid, sid);
    }

    @Override
    public Optional<StoredRecording> find(String sid) {
        return rows.find(sid);
    }

    @Override
    public Page<StoredRecording> list(String accountSid, RecordingFilter filter, PageRequest page) {
        return rows.list(accountSid, where -> where
            .equal("call_sid", filter.callSid())
            .equal("conference_sid", filter.conferenceSid())
            .within("date_created", filter.dateCreated()), page);
    }

    @Override
    public boolean update(StoredRecording r) {
        return rows.update("status = ?, duration = ?, price = ?, price_unit = ?, error_code = ?, date_updated = ?",
            r.accountSid(), r.sid(), r.status(), r.duration(), r.price(), r.priceUnit(), r.errorCode(),
            r.dateUpdated());
    }

    @Override
    public boolean delete(String accountSid, String sid) {
        return rows.delete(accountSid, sid);
    }

    private static StoredRecording map(Row r) throws SQLException {
        return new StoredRecording(r.string("sid"), r.string("account_sid"), r.optString("call_sid"),
            r.optString("conference_sid"), r.string("status"), r.string("source"), r.integer("channels"),
            r.instant("start_time"), r.optLong("duration"), r.optDecimal("price"), r.optString("price_unit"),
            r.optInteger("error_code"), r.instant("date_created"), r.instant("date_updated"));
    }
}
