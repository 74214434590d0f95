package dev.parley.engine.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An account (AC…) as the Accounts API shows it; a subaccount names its owner. {@code status} is Twilio's
 * {@code active}, {@code suspended} or {@code closed}; {@code type} is {@code Trial} or {@code Full}.
 */
public record StoredAccount(String sid, Optional<String> ownerAccountSid, String friendlyName, String status,
                            String type, String authToken, Instant dateCreated, Instant dateUpdated) {

    public static final Set<String> STATUSES = Set.of("active", "suspended", "closed");
    public static final Set<String> TYPES = Set.of("Trial", "Full");

    public StoredAccount {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(ownerAccountSid, "ownerAccountSid");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        if (!STATUSES.contains(status)) throw new IllegalArgumentException("account status " + status);
        if (!TYPES.contains(type)) throw new IllegalArgumentException("account type " + type);
    }

    /** A new, active, full account. */
    public static StoredAccount active(String sid, Optional<String> ownerAccountSid, String friendlyName,
                                       String authToken, Instant now) {
        return new StoredAccount(sid, ownerAccountSid, friendlyName, "active", "Full", authToken, now, now);
    }

    public StoredAccount withFriendlyName(String name, Instant now) {
        return new StoredAccount(sid, ownerAccountSid, name, status, type, authToken, dateCreated, now);
    }

    public StoredAccount withStatus(String newStatus, Instant now) {
        return new StoredAccount(sid, ownerAccountSid, friendlyName, newStatus, type, authToken, dateCreated, now);
    }

    public StoredAccount withAuthToken(String token, Instant now) {
        return new StoredAccount(sid, ownerAccountSid, friendlyName, status, type, token, dateCreated, now);
    }

    /** Hides the auth token. */
    @Override
    public String toString() {
        return "StoredAccount[" + sid + " " + friendlyName + " " + status + " " + type
            + ownerAccountSid.map(o -> " owner " + o).orElse("") + "]";
    }
}
