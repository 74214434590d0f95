package dev.parley.store;

import dev.parley.engine.store.NumberFilter;
import dev.parley.engine.store.NumberStore;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoredNumber;
import dev.parley.twiml.HttpMethod;
import java.sql.SQLException;
import java.util.Optional;

/** Incoming phone numbers in the {@code incoming_phone_numbers} table. */
final class JdbcNumbers implements NumberStore {

    private final Jdbc jdbc;
    private final AccountRows<StoredNumber> rows;

    JdbcNumbers(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.rows = new AccountRows<>(jdbc, "incoming_phone_numbers", JdbcNumbers::map, StoredNumber::sid);
    }

    @Override
    public StoredNumber create(StoredNumber n) {
        jdbc.update("INSERT INTO incoming_phone_numbers (sid, account_sid, phone_number, friendly_name, voice_url,"
                + " voice_method, voice_fallback_url, voice_fallback_method, status_callback, status_callback_method,"
                + " date_created, date_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            n.sid(), n.accountSid(), n.phoneNumber(), n.friendlyName(), n.voiceUrl(), n.voiceMethod(),
            n.voiceFallbackUrl(), n.voiceFallbackMethod(), n.statusCallback(), n.statusCallbackMethod(),
            n.dateCreated(), n.dateUpdated());
        return n;
    }

    @Override
    public Optional<StoredNumber> fetch(String accountSid, String sid) {
        return rows.fetch(accountSid, sid);
    }

    @Override
    public Optional<StoredNumber> find(String sid) {
        return rows.find(sid);
    }

    @Override
    public Optional<StoredNumber> byPhoneNumber(String phoneNumber) {
        return jdbc.one("SELECT * FROM incoming_phone_numbers WHERE phone_number = ?", JdbcNumbers::map,
            phoneNumber);
    }

    @Override
    public Page<StoredNumber> list(String accountSid, NumberFilter filter, PageRequest page) {
        return rows.list(accountSid, where -> {
            where.equal("friendly_name", filter.friendlyName());
            filter.phoneNumber().ifPresent(p -> where.and("phone_number LIKE ? ESCAPE '\\'", likePattern(p)));
            return where;
        }, page);
    }

    /** Twilio's number filter as LIKE: any part of the number, {@code *} for one digit. */
    static String likePattern(String filter) {
        String escaped = filter.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '_');
        return "%" + escaped + "%";
    }

    @Override
    public boolean update(StoredNumber n) {
        return rows.update("friendly_name = ?, voice_url = ?, voice_method = ?, voice_fallback_url = ?,"
                + " voice_fallback_method = ?, status_callback = ?, status_callback_method = ?, date_updated = ?",
            n.accountSid(), n.sid(), n.friendlyName(), n.voiceUrl(), n.voiceMethod(), n.voiceFallbackUrl(),
            n.voiceFallbackMethod(), n.statusCallback(), n.statusCallbackMethod(), n.dateUpdated());
    }

    @Override
    public boolean delete(String accountSid, String sid) {
        return rows.delete(accountSid, sid);
    }

    private static StoredNumber map(Row r) throws SQLException {
        return new StoredNumber(r.string("sid"), r.string("account_sid"), r.string("phone_number"),
            r.string("friendly_name"), r.optString("voice_url"), HttpMethod.valueOf(r.string("voice_method")),
            r.optString("voice_fallback_url"), HttpMethod.valueOf(r.string("voice_fallback_method")),
            r.optString("status_callback"), HttpMethod.valueOf(r.string("status_callback_method")),
            r.instant("date_created"), r.instant("date_updated"));
    }
}
