package dev.parley.engine.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation ({@code CH…}) with every field of Twilio's Conversation JSON: {@code sid}, {@code account_sid},
 * {@code chat_service_sid}, {@code messaging_service_sid}, {@code friendly_name}, {@code unique_name},
 * {@code attributes} (a JSON string, {@code "{}"} when not set), {@code state}, {@code date_created},
 * {@code date_updated}, {@code timers}, {@code bindings}. ({@code url} and {@code links} are the REST layer's.)
 *
 * <p>A stored conversation may have timers that have fallen due since it was written: {@link #settled} applies
 * them. Everything the domain hands out is settled.
 */
public record Conversation(String sid, String accountSid, String chatServiceSid, Optional<String> messagingServiceSid,
                           Optional<String> friendlyName, Optional<String> uniqueName, String attributes,
                           ConversationState state, Instant dateCreated, Instant dateUpdated,
                           ConversationTimers timers, ConversationBindings bindings) {

    public Conversation {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(chatServiceSid, "chatServiceSid");
        Objects.requireNonNull(messagingServiceSid, "messagingServiceSid");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(uniqueName, "uniqueName");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(bindings, "bindings");
    }

    public boolean isClosed() {
        return state == ConversationState.CLOSED;
    }

    /**
     * The conversation as it is at {@code now}: an {@code active} one whose inactive timer has fallen due is
     * {@code inactive}, and one whose closed timer has fallen due is {@code closed}, updated when that happened.
     */
    public Conversation settled(Instant now) {
        Conversation c = this;
        if (c.state == ConversationState.ACTIVE && c.timers.dateInactive().filter(due -> !now.isBefore(due)).isPresent()) {
            Instant due = c.timers.dateInactive().get();
            c = c.with(ConversationState.INACTIVE, c.timers.withoutDateInactive(), due);
        }
        if (!c.isClosed() && c.timers.dateClosed().filter(due -> !now.isBefore(due)).isPresent()) {
            Instant due = c.timers.dateClosed().get();
            c = c.with(ConversationState.CLOSED, c.timers.withoutDates(), due);
        }
        return c;
    }

    /** An inactive conversation made active by activity (a call): its timers count again from {@code now}. */
    public Conversation reactivated(Instant now) {
        return with(ConversationState.ACTIVE, timers.rearmed(now), now);
    }

    Conversation with(ConversationState newState, ConversationTimers newTimers, Instant updated) {
        return new Conversation(sid, accountSid, chatServiceSid, messagingServiceSid, friendlyName, uniqueName, attributes,
            newState, dateCreated, updated, newTimers, bindings);
    }
}
