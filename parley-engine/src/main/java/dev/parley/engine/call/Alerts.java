package dev.parley.engine.call;

import dev.parley.engine.Sids;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.store.AlertFilter;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredAlert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Debugger alerts: written to the store as they happen (and to the timeline), read back oldest first. */
final class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final Store store;
    private final Sids sids;
    private final Clock clock;
    private final Timeline timeline;

    Alerts(Store store, Sids sids, Clock clock, Timeline timeline) {
        this.store = store;
        this.sids = sids;
        this.clock = clock;
        this.timeline = timeline;
    }

    /** An alert about a resource of the account (a call, usually). A store that fails loses it, not the call. */
    void raise(String accountSid, Optional<String> resourceSid, int code, String text, Optional<String> url,
               Optional<String> method) {
        Instant now = clock.now();
        StoredAlert alert = new StoredAlert(sids.next("NO"), accountSid, resourceSid, Optional.empty(), code,
            Alert.level(code), text, method, url, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), now, now, now);
        try {
            store.alerts().create(alert);
        } catch (StoreException e) {
            LOG.error("alert {} {} about {} could not be stored", code, text, resourceSid.orElse(accountSid), e);
        }
        timeline.add(now, resourceSid.orElse(accountSid), "alert", code + " " + text);
    }

    /** The account's alerts that match, oldest first (those of one instant by SID). */
    List<Alert> of(String accountSid, AlertFilter filter) {
        return Page.all(page -> store.alerts().list(accountSid, filter, page)).reversed().stream()
            .map(a -> new Alert(a.sid(), a.accountSid(), a.resourceSid(), a.errorCode(), a.logLevel(), a.alertText(),
                a.requestUrl(), a.requestMethod(), a.dateCreated()))
            .toList();
    }
}
