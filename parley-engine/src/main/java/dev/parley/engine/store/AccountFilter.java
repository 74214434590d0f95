package dev.parley.engine.store;

import java.util.Objects;
import java.util.Optional;

/** The Accounts list filters: {@code FriendlyName} (exact) and {@code Status}. */
public record AccountFilter(Optional<String> friendlyName, Optional<String> status) {

    public static final AccountFilter ALL = new AccountFilter(Optional.empty(), Optional.empty());

    public AccountFilter {
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(status, "status");
    }

    public AccountFilter friendlyName(String name) {
        return new AccountFilter(Optional.of(name), status);
    }

    public AccountFilter status(String value) {
        return new AccountFilter(friendlyName, Optional.of(value));
    }
}
