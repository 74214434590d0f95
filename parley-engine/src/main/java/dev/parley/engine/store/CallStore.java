package dev.parley.engine.store;

import java.util.List;
import java.util.Optional;

/** Calls, as the Calls API lists them and as the engine needs them back after a restart. */
public interface CallStore {

    /**
     * Stores a new call, marked as run by this node.
     *
     * @throws StoreException when the SID is taken or the account does not exist
     */
    StoredCall create(StoredCall call);

    Optional<StoredCall> fetch(String accountSid, String sid);

    /**
     * A call by SID, unscoped: for the engine, which finds a call by the SID alone (a live update, a dialled leg's
     * parent); its callers check the account ({@link #fetch} is scoped).
     */
    Optional<StoredCall> find(String sid);

    /** The account's calls that match, newest first (Twilio's order). */
    Page<StoredCall> list(String accountSid, CallFilter filter, PageRequest page);

    /**
     * Writes everything about the call that can change (status, times, duration, price, answered by, callback
     * sequence…); the SID, account, parties, direction and date created never change.
     *
     * @return false when the account has no such call
     */
    boolean update(StoredCall call);

    /** Deletes a call's record (Twilio allows it for calls that are over; the caller checks that). */
    boolean delete(String accountSid, String sid);

    /**
     * This node's calls whose status is not final, of every account, oldest first: the calls that were live when
     * the node stopped. At start the engine ends each one and sends its final callbacks.
     */
    List<StoredCall> live();
}
