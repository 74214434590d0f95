package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.ConversationParams;
import dev.parley.engine.conversation.ConversationState;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import dev.parley.server.v1.V1Dates;

/**
 * The form of Twilio's Conversation create and update requests, by its dotted names: {@code FriendlyName},
 * {@code UniqueName}, {@code Attributes}, {@code MessagingServiceSid}, {@code DateCreated}, {@code DateUpdated},
 * {@code State}, {@code Timers.Inactive}, {@code Timers.Closed}, {@code Bindings.Email.Address},
 * {@code Bindings.Email.Name}. The domain checks the values ({@code ConversationRules}); only their form is
 * checked here.
 */
final class ConversationForm {

    private ConversationForm() {
    }

    static ConversationParams read(Params params) {
        ConversationParams.Builder b = ConversationParams.builder();
        params.first("FriendlyName").ifPresent(b::friendlyName);
        params.first("UniqueName").ifPresent(b::uniqueName);
        params.first("Attributes").ifPresent(b::attributes);
        params.first("MessagingServiceSid").ifPresent(b::messagingServiceSid);
        V1Dates.dateTime(params, "DateCreated").ifPresent(b::dateCreated);
        V1Dates.dateTime(params, "DateUpdated").ifPresent(b::dateUpdated);
        params.first("State").map(ConversationForm::state).ifPresent(b::state);
        params.first("Timers.Inactive").ifPresent(b::timersInactive);
        params.first("Timers.Closed").ifPresent(b::timersClosed);
        params.first("Bindings.Email.Address").ifPresent(b::emailAddress);
        params.first("Bindings.Email.Name").ifPresent(b::emailName);
        return b.build();
    }

    /**
     * {@code active}, {@code inactive} or {@code closed}. Twilio's fourth value, {@code initializing}, only exists
     * while a ConversationWithParticipants is built, which Parley does not offer.
     */
    static ConversationState state(String value) {
        return ConversationState.of(value).orElseThrow(() -> ApiException.badRequest(
            "Invalid State: " + Params.quoted(value) + " (active, inactive or closed)"));
    }
}
