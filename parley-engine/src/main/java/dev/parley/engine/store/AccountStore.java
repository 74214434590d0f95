package dev.parley.engine.store;

import java.util.Optional;

/**
 * Accounts and subaccounts. {@code scopeSid} is the account whose credentials the request carries: it sees itself
 * and its own subaccounts, as at Twilio, and nothing else.
 */
public interface AccountStore {

    /** @throws StoreException when the SID is taken or the owner does not exist */
    StoredAccount create(StoredAccount account);

    /** Any account by SID, unscoped: for checking credentials before there is a scope. */
    Optional<StoredAccount> find(String sid);

    /**
     * The main account (one without an owner) created first, unscoped: the account a Parley made for itself on its
     * first start, which later starts reuse.
     */
    Optional<StoredAccount> firstMain();

    /** The account {@code sid} when it is {@code scopeSid} or one of its subaccounts. */
    Optional<StoredAccount> fetch(String scopeSid, String sid);

    /** The scope account and its subaccounts that match, newest first. */
    Page<StoredAccount> list(String scopeSid, AccountFilter filter, PageRequest page);

    /**
     * Writes what can change (friendly name, status, auth token, date updated) when the account is in scope.
     *
     * @return false when there is no such account in scope
     */
    boolean update(String scopeSid, StoredAccount account);
}
