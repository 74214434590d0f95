package dev.parley.engine.store;

import java.util.List;

/**
 * Calls' timelines: what happened on each call, in the order it happened, kept with the call (a call deleted
 * through {@link CallStore#delete} takes its timeline with it) so that a long-running Parley holds none of it in
 * memory and a restart loses none of it. Lines are appended one by one as the call runs; they never change.
 */
public interface TimelineStore {

    /**
     * Appends a line to the timeline of the call it names. Only calls have timelines: a line about anything else
     * (an account's callback that no call made, an alert about a conversation), or about a call the account does
     * not have (any more), is not kept.
     *
     * @return false when the line was not kept
     */
    boolean append(TimelineEntry entry);

    /** The call's lines, in the order they were appended; empty when the account has no such call. */
    List<TimelineEntry> of(String accountSid, String callSid);

    /**
     * The call's lines and those of the legs it dialled (the calls whose parent it is), interleaved in the order
     * they were appended: the whole flow, as the control API shows it.
     */
    List<TimelineEntry> withLegs(String accountSid, String callSid);
}
