package dev.parley.engine.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Frontline worker: a Frontline User ({@code US…}, DESIGN.md decision 2) with every field of Twilio's
 * Frontline User JSON ({@code sid}, {@code identity}, {@code friendly_name}, {@code avatar}, {@code state},
 * {@code is_available}), plus what Parley needs to reach and route to them.
 *
 * @param phoneNumber  a number of the worker's own to dial instead of {@code client:<identity>} (Parley)
 * @param lastPooledAt when pool routing last gave this worker a conversation; empty if never (Parley, for
 *                     fairness)
 */
public record Worker(String sid, String accountSid, String identity, Optional<String> friendlyName,
                     Optional<String> avatar, WorkerState state, boolean isAvailable, Optional<String> phoneNumber,
                     Instant dateCreated, Instant dateUpdated, Optional<Instant> lastPooledAt) {

    /** The prefix of a client address, as in {@code <Dial><Client>} and the {@code From} of an SDK call. */
    public static final String CLIENT_PREFIX = "client:";

    public Worker {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(avatar, "avatar");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        Objects.requireNonNull(lastPooledAt, "lastPooledAt");
    }

    /**
     * Where a call reaches the worker (the {@code to} of the dialled leg): their own phone number if they have
     * one, else {@code client:<identity>}, a registered virtual phone or SIP device (decision 2).
     */
    public String address() {
        return phoneNumber.orElse(CLIENT_PREFIX + identity);
    }

    public boolean isActive() {
        return state == WorkerState.ACTIVE;
    }

    /** Whether pool routing may give this worker a new conversation. */
    public boolean inPool() {
        return isActive() && isAvailable;
    }

    Worker pooled(Instant now) {
        return new Worker(sid, accountSid, identity, friendlyName, avatar, state, isAvailable, phoneNumber, dateCreated,
            dateUpdated, Optional.of(now));
    }
}
