package dev.parley.engine.store;

import java.util.Optional;

/** Incoming phone numbers. A phone number belongs to at most one account. */
public interface NumberStore {

    /** @throws StoreException when the SID or the phone number is taken, or the account does not exist */
    StoredNumber create(StoredNumber number);

    Optional<StoredNumber> fetch(String accountSid, String sid);

    /** A number by SID, unscoped: for the engine, whose callers check the account ({@link #fetch} is scoped). */
    Optional<StoredNumber> find(String sid);

    /** The number a caller dialled, unscoped: an inbound call names only the number, which names the account. */
    Optional<StoredNumber> byPhoneNumber(String phoneNumber);

    Page<StoredNumber> list(String accountSid, NumberFilter filter, PageRequest page);

    /**
     * Writes the number's configuration (friendly name, URLs, methods, date updated).
     *
     * @return false when the account has no such number
     */
    boolean update(StoredNumber number);

    boolean delete(String accountSid, String sid);
}
