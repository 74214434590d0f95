package dev.parley.engine.account;

import java.time.Instant;
import java.util.Optional;

/** An account (AC…) with its auth token; a subaccount names its owner. */
public record Account(String sid, String authToken, String friendlyName, Optional<String> ownerAccountSid,
                      String status, Instant dateCreated) {

    public boolean isSubaccount() {
        return ownerAccountSid.isPresent();
    }
}
