package dev.parley.engine.conversation;

import dev.parley.engine.Sids;
import dev.parley.engine.clock.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The participants of conversations: Twilio's Participant resource (add, fetch by SID or identity, list,
 * update, remove) and ParticipantConversations (a customer's or a worker's conversations). The rules are
 * {@link ParticipantRules}'. Whoever adds a participant (the REST API for an app's custom routing, pool routing,
 * autocreation) goes through {@link #add}, so {@link #onAdded listeners} hear of every one.
 */
public final class Participants {

    private static final Logger LOG = LoggerFactory.getLogger(Participants.class);

    private final ConversationStore store;
    private final Conversations conversations;
    private final Sids sids;
    private final Clock clock;
    private final Map<String, List<Consumer<Participant>>> listeners = new ConcurrentHashMap<>();

    public Participants(ConversationStore store, Conversations conversations, Sids sids, Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.sids = sids;
        this.clock = clock;
    }

    /** Adds a participant to the conversation (by SID or unique name); tells the listeners once it is stored. */
    public Participant add(String accountSid, String serviceSid, String conversation, ParticipantParams params) {
        Participant added = store.atomically(accountSid, tx ->
            addIn(tx, conversations.existing(tx, accountSid, serviceSid, conversation), params));
        announce(added);
        return added;
    }

    /** A participant by SID or identity. */
    public Optional<Participant> find(String accountSid, String serviceSid, String conversation, String sidOrIdentity) {
        Conversation c = conversations.existing(store, accountSid, serviceSid, conversation);
        return lookup(store, c, sidOrIdentity);
    }

    /** A participant by SID or identity, or 20404. */
    public Participant fetch(String accountSid, String serviceSid, String conversation, String sidOrIdentity) {
        return find(accountSid, serviceSid, conversation, sidOrIdentity)
            .orElseThrow(() -> ConversationErrors.notFound("Participant " + sidOrIdentity));
    }

    public List<Participant> list(String accountSid, String serviceSid, String conversation) {
        return store.participants(conversations.existing(store, accountSid, serviceSid, conversation).sid());
    }

    /** Updates a participant; a closed conversation's participants do not change (50377). */
    public Participant update(String accountSid, String serviceSid, String conversation, String sidOrIdentity,
                              ParticipantUpdate update) {
        return store.atomically(accountSid, tx -> {
            Conversation c = openConversation(tx, accountSid, serviceSid, conversation);
            Participant p = lookup(tx, c, sidOrIdentity)
                .orElseThrow(() -> ConversationErrors.notFound("Participant " + sidOrIdentity));
            Participant changed = new Participant(p.sid(), p.accountSid(), p.chatServiceSid(), p.conversationSid(),
                p.identity(), update.attributes().orElse(p.attributes()), p.messagingBinding(),
                update.roleSid().or(p::roleSid), update.dateCreated().orElse(p.dateCreated()),
                update.dateUpdated().orElse(clock.now()), update.lastReadMessageIndex().or(p::lastReadMessageIndex),
                update.lastReadTimestamp().or(p::lastReadTimestamp));
            tx.put(changed);
            return changed;
        });
    }

    /** Removes a participant, freeing its address pair; not from a closed conversation (50377). */
    public void remove(String accountSid, String serviceSid, String conversation, String sidOrIdentity) {
        store.atomically(accountSid, tx -> {
            Conversation c = openConversation(tx, accountSid, serviceSid, conversation);
            Participant p = lookup(tx, c, sidOrIdentity)
                .orElseThrow(() -> ConversationErrors.notFound("Participant " + sidOrIdentity));
            tx.deleteParticipant(p.sid());
            return null;
        });
    }

    /** The service's conversations that have a participant with this address ({@code ?Address=}). */
    public List<ParticipantConversation> ofAddress(String accountSid, String serviceSid, String address) {
        ConversationServices.existing(store, accountSid, serviceSid);
        return withConversations(store.participantsByAddress(accountSid, address).stream()
            .filter(p -> p.chatServiceSid().equals(serviceSid)).toList());
    }

    /** The service's conversations that have a chat participant with this identity ({@code ?Identity=}). */
    public List<ParticipantConversation> ofIdentity(String accountSid, String serviceSid, String identity) {
        ConversationServices.existing(store, accountSid, serviceSid);
        return withConversations(store.participantsByIdentity(serviceSid, identity));
    }

    /**
     * Calls the listener with each participant added to the conversation from now on, on the thread that added
     * it, after it is stored. The listener must be quick and must not block (post to a mailbox).
     */
    public Subscription onAdded(String conversationSid, Consumer<Participant> listener) {
        listeners.compute(conversationSid, (k, list) -> {
            List<Consumer<Participant>> result = list == null ? new CopyOnWriteArrayList<>() : list;
            result.add(listener);
            return result;
        });
        return () -> listeners.computeIfPresent(conversationSid, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    Participant addIn(ConversationStore.Transaction tx, Conversation conversation, ParticipantParams params) {
        Participant participant = ParticipantRules.create(sids.next("MB"), conversation, params, clock.now(), tx);
        tx.put(participant);
        return participant;
    }

    /** Tells the conversation's listeners of a participant that has been stored. */
    void announce(Participant participant) {
        for (Consumer<Participant> listener : listeners.getOrDefault(participant.conversationSid(), List.of())) {
            try {
                listener.accept(participant);
            } catch (RuntimeException e) {
                LOG.warn("participant listener failed for {}", participant.sid(), e);
            }
        }
    }

    private Conversation openConversation(ConversationReads reads, String accountSid, String serviceSid,
                                          String conversation) {
        Conversation c = conversations.existing(reads, accountSid, serviceSid, conversation);
        if (c.isClosed()) throw ConversationRules.closed(c);
        return c;
    }

    private static Optional<Participant> lookup(ConversationReads reads, Conversation c, String sidOrIdentity) {
        if (Sids.isSid(sidOrIdentity, "MB")) {
            return reads.participant(sidOrIdentity).filter(p -> p.conversationSid().equals(c.sid()));
        }
        return reads.participants(c.sid()).stream().filter(p -> p.identity().filter(sidOrIdentity::equals).isPresent())
            .findFirst();
    }

    private List<ParticipantConversation> withConversations(List<Participant> participants) {
        Instant now = clock.now();
        return participants.stream().flatMap(p -> store.conversation(p.conversationSid()).stream()
            .map(c -> new ParticipantConversation(p, c.settled(now)))).toList();
    }
}
