package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.engine.conversation.ParticipantUpdate;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import dev.parley.server.v1.V1Dates;
import java.util.List;
import java.util.Optional;

/**
 * The forms of Twilio's Participant create and update requests, by their dotted names. Create: {@code Identity},
 * {@code MessagingBinding.Address}, {@code MessagingBinding.ProxyAddress}, {@code MessagingBinding.ProjectedAddress},
 * {@code Attributes}, {@code RoleSid}, {@code DateCreated}, {@code DateUpdated}. Update: {@code Attributes},
 * {@code RoleSid}, {@code DateCreated}, {@code DateUpdated}, {@code LastReadMessageIndex},
 * {@code LastReadTimestamp}; Parley refuses to change a participant's identity or addresses (20001), which Twilio's
 * update also takes. The domain checks the values ({@code ParticipantRules}).
 */
final class ParticipantForm {

    private static final List<String> NOT_UPDATABLE =
        List.of("Identity", "MessagingBinding.ProxyAddress", "MessagingBinding.ProjectedAddress");

    private ParticipantForm() {
    }

    static ParticipantParams create(Params params) {
        return new ParticipantParams(params.first("Identity"), params.first("MessagingBinding.Address"),
            params.first("MessagingBinding.ProxyAddress"), params.first("MessagingBinding.ProjectedAddress"),
            params.first("Attributes"), params.first("RoleSid"), V1Dates.dateTime(params, "DateCreated"),
            V1Dates.dateTime(params, "DateUpdated"));
    }

    static ParticipantUpdate update(Params params) {
        for (String name : NOT_UPDATABLE) {
            if (params.has(name)) {
                throw ApiException.badRequest("Parley does not change a participant's " + name
                    + ": remove the participant and add it again");
            }
        }
        return new ParticipantUpdate(params.first("Attributes"), params.first("RoleSid"),
            V1Dates.dateTime(params, "DateCreated"), V1Dates.dateTime(params, "DateUpdated"),
            index(params.first("LastReadMessageIndex")), params.first("LastReadTimestamp"));
    }

    private static Optional<Integer> index(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).map(v -> {
            try {
                int index = Integer.parseInt(v.strip());
                if (index < 0) throw new NumberFormatException();
                return index;
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Invalid LastReadMessageIndex: " + Params.quoted(v) + " (0 or more)");
            }
        });
    }
}
