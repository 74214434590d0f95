package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.MessagingBinding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A participant's {@code messaging_binding} as Twilio's JSON has it: on a Participant only the fields it has
 * ({@code type}, {@code address}, {@code proxy_address}, or {@code type}, {@code projected_address}); on a
 * ParticipantConversation every field, absent ones null ({@code level} and {@code name} too).
 */
final class BindingView {

    private BindingView() {
    }

    /** A Participant's {@code messaging_binding}, or null for a chat participant without one. */
    static Map<String, String> compact(Optional<MessagingBinding> binding) {
        return binding.map(b -> {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("type", b.type());
            b.address().ifPresent(a -> out.put("address", a));
            b.proxyAddress().ifPresent(a -> out.put("proxy_address", a));
            b.projectedAddress().ifPresent(a -> out.put("projected_address", a));
            return out;
        }).orElse(null);
    }

    /** A ParticipantConversation's {@code participant_messaging_binding}, or null. */
    static Map<String, String> full(Optional<MessagingBinding> binding) {
        return binding.map(b -> {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("address", b.address().orElse(null));
            out.put("proxy_address", b.proxyAddress().orElse(null));
            out.put("type", b.type());
            out.put("level", null);
            out.put("name", null);
            out.put("projected_address", b.projectedAddress().orElse(null));
            return out;
        }).orElse(null);
    }
}
