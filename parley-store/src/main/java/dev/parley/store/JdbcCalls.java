package dev.parley.store;

import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.Direction;
import dev.parley.engine.store.CallFilter;
import dev.parley.engine.store.CallStore;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoredCall;
import dev.parley.twiml.HttpMethod;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Calls in the {@code calls} table, each marked with the node that runs it. */
final class JdbcCalls implements CallStore {

    /** The statuses of a call that is not over, from {@link CallStatus#isFinal()}. */
    private static final List<CallStatus> LIVE =
        Arrays.stream(CallStatus.values()).filter(s -> !s.isFinal()).toList();

    private final Jdbc jdbc;
    private final AccountRows<StoredCall> rows;
    private final String nodeId;

    JdbcCalls(Jdbc jdbc, String nodeId) {
        this.jdbc = jdbc;
        this.rows = new AccountRows<>(jdbc, "calls", JdbcCalls::map, StoredCall::sid);
        this.nodeId = nodeId;
    }

    @Override
    public StoredCall create(StoredCall c) {
        jdbc.update("INSERT INTO calls (sid, account_sid, parent_call_sid, from_address, to_address, direction, status,"
                + " phone_number_sid, start_time, end_time, duration, price, price_unit, answered_by, caller_name,"
                + " forwarded_from, group_sid, queue_time_ms, trunk_sid, status_callback, status_callback_method,"
                + " status_callback_event, callback_sequence, node_id, date_created, date_updated)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            c.sid(), c.accountSid(), c.parentCallSid(), c.from(), c.to(), c.direction(), c.status(),
            c.phoneNumberSid(), c.startTime(), c.endTime(), c.duration(), c.price(), c.priceUnit(), c.answeredBy(),
            c.callerName(), c.forwardedFrom(), c.groupSid(), c.queueTime(), c.trunkSid(), callbackUrl(c),
            callbackMethod(c), callbackEvents(c), c.callbackSequence(), nodeId, c.dateCreated(), c.dateUpdated());
        return c;
    }

    @Override
    public Optional<StoredCall> fetch(String accountSid, String sid) {
        return rows.fetch(accountSid, sid);
    }

    @Override
    public Optional<StoredCall> find(String sid) {
        return rows.find(sid);
    }

    @Override
    public Page<StoredCall> list(String accountSid, CallFilter filter, PageRequest page) {
        return rows.list(accountSid, where -> where
            .equal("to_address", filter.to())
            .equal("from_address", filter.from())
            .equal("parent_call_sid", filter.parentCallSid())
            .equal("status", filter.status())
            .within("start_time", filter.startTime())
            .within("end_time", filter.endTime()), page);
    }

    @Override
    public boolean update(StoredCall c) {
        return rows.update("status = ?, start_time = ?, end_time = ?, duration = ?, price = ?, price_unit = ?,"
                + " answered_by = ?, caller_name = ?, forwarded_from = ?, group_sid = ?, queue_time_ms = ?,"
                + " trunk_sid = ?, status_callback = ?, status_callback_method = ?, status_callback_event = ?,"
                + " callback_sequence = ?, date_updated = ?",
            c.accountSid(), c.sid(), c.status(), c.startTime(), c.endTime(), c.duration(), c.price(), c.priceUnit(),
            c.answeredBy(), c.callerName(), c.forwardedFrom(), c.groupSid(), c.queueTime(), c.trunkSid(),
            callbackUrl(c), callbackMethod(c), callbackEvents(c), c.callbackSequence(), c.dateUpdated());
    }

    @Override
    public boolean delete(String accountSid, String sid) {
        return rows.delete(accountSid, sid);
    }

    @Override
    public List<StoredCall> live() {
        String placeholders = String.join(", ", Collections.nCopies(LIVE.size(), "?"));
        Where where = new Where().equal("node_id", nodeId).and("status IN (" + placeholders + ")", LIVE.toArray());
        return jdbc.list("SELECT * FROM calls" + where.sql() + " ORDER BY date_created, sid", JdbcCalls::map,
            where.args());
    }

    private static Optional<String> callbackUrl(StoredCall c) {
        return c.statusCallback().map(StoredCall.StatusCallback::url);
    }

    private static Optional<HttpMethod> callbackMethod(StoredCall c) {
        return c.statusCallback().map(StoredCall.StatusCallback::method);
    }

    private static Optional<String> callbackEvents(StoredCall c) {
        return c.statusCallback().map(cb -> String.join(" ", cb.events()));
    }

    private static StoredCall map(Row r) throws SQLException {
        Optional<String> callbackUrl = r.optString("status_callback");
        Optional<StoredCall.StatusCallback> callback = callbackUrl.isEmpty() ? Optional.empty()
            : Optional.of(new StoredCall.StatusCallback(callbackUrl.get(),
                HttpMethod.valueOf(r.string("status_callback_method")), events(r.string("status_callback_event"))));
        return new StoredCall(r.string("sid"), r.string("account_sid"), r.optString("parent_call_sid"),
            r.string("from_address"), r.string("to_address"), direction(r.string("direction")),
            CallStatus.of(r.string("status")), r.optString("phone_number_sid"), r.optInstant("start_time"),
            r.optInstant("end_time"), r.optLong("duration"), r.optDecimal("price"), r.optString("price_unit"),
            r.optString("answered_by"), r.optString("caller_name"), r.optString("forwarded_from"),
            r.optString("group_sid"), r.optMillis("queue_time_ms"), r.optString("trunk_sid"), callback,
            r.integer("callback_sequence"), r.instant("date_created"), r.instant("date_updated"));
    }

    private static List<String> events(String spaced) {
        return spaced.isEmpty() ? List.of() : List.of(spaced.split(" "));
    }

    private static Direction direction(String value) {
        for (Direction d : Direction.values()) if (d.value().equals(value)) return d;
        throw new IllegalStateException("unknown direction " + value);
    }
}
