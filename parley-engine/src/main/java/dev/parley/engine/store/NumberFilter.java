package dev.parley.engine.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The IncomingPhoneNumbers list filters. {@code PhoneNumber} matches part of a number, {@code *} standing for any
 * one digit, as at Twilio ({@code 415} finds {@code +14155550100}; {@code +1415555****} too); {@code FriendlyName}
 * matches exactly.
 */
public record NumberFilter(Optional<String> phoneNumber, Optional<String> friendlyName) {

    public static final NumberFilter ALL = new NumberFilter(Optional.empty(), Optional.empty());

    public NumberFilter {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(friendlyName, "friendlyName");
    }

    public NumberFilter phoneNumber(String pattern) {
        return new NumberFilter(Optional.of(pattern), friendlyName);
    }

    public NumberFilter friendlyName(String name) {
        return new NumberFilter(phoneNumber, Optional.of(name));
    }
}
