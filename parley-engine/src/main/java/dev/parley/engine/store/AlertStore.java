package dev.parley.engine.store;

import java.util.Optional;

/** Debugger alerts (Monitor v1 Alerts). Alerts are written once and never change. */
public interface AlertStore {

    /** @throws StoreException when the SID is taken or the account does not exist */
    StoredAlert create(StoredAlert alert);

    Optional<StoredAlert> fetch(String accountSid, String sid);

    /** The account's alerts that match, newest first. */
    Page<StoredAlert> list(String accountSid, AlertFilter filter, PageRequest page);
}
