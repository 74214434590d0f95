package dev.parley.store;

import dev.parley.engine.store.AlertFilter;
import dev.parley.engine.store.AlertStore;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoredAlert;
import java.sql.SQLException;
import java.util.Optional;

/** Debugger alerts in the {@code alerts} table. */
final class JdbcAlerts implements AlertStore {

    private final Jdbc jdbc;
    private final AccountRows<StoredAlert> rows;

    JdbcAlerts(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.rows = new AccountRows<>(jdbc, "alerts", JdbcAlerts::map, StoredAlert::sid);
    }

    @Override
    public StoredAlert create(StoredAlert a) {
        jdbc.update("INSERT INTO alerts (sid, account_sid, resource_sid, service_sid, error_code, log_level,"
                + " alert_text, request_method, request_url, request_variables, request_headers, response_body,"
                + " response_headers, date_generated, date_created, date_updated)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            a.sid(), a.accountSid(), a.resourceSid(), a.serviceSid(), a.errorCode(), a.logLevel(), a.alertText(),
            a.requestMethod(), a.requestUrl(), a.requestVariables(), a.requestHeaders(), a.responseBody(),
            a.responseHeaders(), a.dateGenerated(), a.dateCreated(), a.dateUpdated());
        return a;
    }

    @Override
    public Optional<StoredAlert> fetch(String accountSid, String sid) {
        return rows.fetch(accountSid, sid);
    }

    @Override
    public Page<StoredAlert> list(String accountSid, AlertFilter filter, PageRequest page) {
        return rows.list(accountSid, where -> where
            .equal("log_level", filter.logLevel())
            .equal("resource_sid", filter.resourceSid())
            .within("date_created", filter.dateCreated()), page);
    }

    private static StoredAlert map(Row r) throws SQLException {
        return new StoredAlert(r.string("sid"), r.string("account_sid"), r.optString("resource_sid"),
            r.optString("service_sid"), r.integer("error_code"), r.string("log_level"), r.string("alert_text"),
            r.optString("request_method"), r.optString("request_url"), r.optString("request_variables"),
            r.optString("request_headers"), r.optString("response_body"), r.optString("response_headers"),
            r.instant("date_generated"), r.instant("date_created"), r.instant("date_updated"));
    }
}
