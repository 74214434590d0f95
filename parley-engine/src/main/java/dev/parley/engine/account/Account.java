package dev.parley.engine.account;

import java.time.Instant;

/**
 * An account (AC…) with its auth token. As in Twilio, {@code ownerAccountSid} is the main account that owns a
 * subaccount, and a main account's own sid.
 */
public record Account(String sid, String authToken, String friendlyName, String ownerAccountSid,
                      AccountStatus status, Instant dateCreated, Instant dateUpdated) {

    /** A main account (one that owns itself), e.g. from configuration with known credentials. */
    public static Account main(String sid, String authToken, String friendlyName, Instant now) {
        return new Account(sid, authToken, friendlyName, sid, AccountStatus.ACTIVE, now, now);
    }

    public boolean isSubaccount() {
        return !ownerAccountSid.equals(sid);
    }

    Account withStatus(AccountStatus next, Instant now) {
        return new Account(sid, authToken, friendlyName, ownerAccountSid, next, dateCreated, now);
    }
}
