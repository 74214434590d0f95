package dev.parley.engine.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Twilio's rules for adding a participant, in one place: who a participant is (50204, 50211, 50443), the
 * validity of its addresses (50411, 50412, 50407, 50408, 50409), no duplicate within a conversation (50433,
 * 50437), and no address pair held by two conversations of an account that are not closed (50416).
 */
final class ParticipantRules {

    private ParticipantRules() {
    }

    /** The new participant, checked against its conversation and every other conversation of the account. */
    static Participant create(String sid, Conversation conversation, ParticipantParams p, Instant now,
                              ConversationReads reads) {
        if (conversation.isClosed()) throw ConversationRules.closed(conversation);
        Optional<MessagingBinding> binding = binding(p);
        Optional<String> identity = p.identity().filter(i -> !i.isEmpty());
        List<Participant> present = reads.participants(conversation.sid());
        if (identity.isPresent() && present.stream().anyMatch(o -> o.identity().equals(identity))) {
            throw ConversationErrors.conflict(ConversationErrors.PARTICIPANT_EXISTS, "Participant already exists");
        }
        Optional<String> address = binding.flatMap(MessagingBinding::address);
        if (address.isPresent()) {
            String proxy = binding.get().proxyAddress().orElseThrow();
            if (present.stream().anyMatch(o -> o.holds(address.get(), proxy))) {
                throw ConversationErrors.conflict(ConversationErrors.GROUP_PARTICIPANT_EXISTS,
                    "Group Participant already exists");
            }
            holder(reads, conversation.accountSid(), address.get(), proxy, now).ifPresent(other -> {
                throw ConversationErrors.conflict(ConversationErrors.BINDING_IN_USE,
                    "A binding for this participant and proxy address already exists in Conversation " + other.sid());
            });
        }
        Instant created = p.dateCreated().orElse(now);
        return new Participant(sid, conversation.accountSid(), conversation.chatServiceSid(), conversation.sid(),
            identity, p.attributes().orElse(ConversationRules.NO_ATTRIBUTES), binding, p.roleSid(), created,
            p.dateUpdated().orElse(created), Optional.empty(), Optional.empty());
    }

    /**
     * The conversation, not closed at {@code now}, whose participant holds the pair (address, proxy address) in
     * the account: there is at most one (50416).
     */
    static Optional<Conversation> holder(ConversationReads reads, String accountSid, String address, String proxyAddress,
                                         Instant now) {
        return reads.participantsByAddress(accountSid, address).stream()
            .filter(p -> p.holds(address, proxyAddress))
            .flatMap(p -> reads.conversation(p.conversationSid()).stream())
            .map(c -> c.settled(now))
            .filter(c -> !c.isClosed())
            .findFirst();
    }

    /** A chat participant has an identity (and maybe a projected address); a customer an address and a proxy. */
    private static Optional<MessagingBinding> binding(ParticipantParams p) {
        boolean address = p.address().isPresent();
        boolean proxy = p.proxyAddress().isPresent();
        if (p.identity().filter(i -> !i.isEmpty()).isPresent()) {
            if (address || proxy) {
                throw ConversationErrors.invalid(ConversationErrors.IDENTITY_NOT_ACCEPTABLE,
                    "Identity parameter not acceptable for this Participant");
            }
            return p.projectedAddress().map(MessagingBinding::projected);
        }
        if (!address && !proxy) {
            throw ConversationErrors.invalid(ConversationErrors.IDENTITY_NOT_PROVIDED, "Identity not provided");
        }
        if (p.projectedAddress().isPresent()) {
            throw ConversationErrors.invalid(ConversationErrors.PROJECTED_ADDRESS_WITH_BINDING,
                "Failed to add a projected address to a participant");
        }
        String theAddress = p.address().orElse("");
        String theProxy = p.proxyAddress().orElse("");
        if (theAddress.isEmpty()) {
            throw ConversationErrors.invalid(ConversationErrors.ADDRESS_EMPTY, "Participant address is empty");
        }
        if (theProxy.isEmpty()) {
            throw ConversationErrors.invalid(ConversationErrors.PROXY_ADDRESS_EMPTY, "Participant proxy address is empty");
        }
        if (!Addresses.valid(theAddress)) {
            throw ConversationErrors.invalid(ConversationErrors.INVALID_ADDRESS, "Invalid messaging binding address");
        }
        if (!Addresses.valid(theProxy)) {
            throw ConversationErrors.invalid(ConversationErrors.INVALID_PROXY_ADDRESS, "Invalid participant proxy address");
        }
        if (theAddress.equals(theProxy)) {
            throw ConversationErrors.invalid(ConversationErrors.ADDRESS_EQUALS_PROXY,
                "Participant address equals proxy address");
        }
        return Optional.of(MessagingBinding.of(theAddress, theProxy));
    }
}
