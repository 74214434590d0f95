package dev.parley.engine.conversation;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Directory;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.clock.Mailbox;
import dev.parley.engine.webhook.WebhookTransport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The conversations domain as a whole (services, conversations, participants, workers, routing over one
 * {@link ConversationStore}) and what the {@code <Connect><Conversation>} session asks of it. One instance per
 * engine; thread-safe. The package documentation shows the session's use of it step by step.
 */
public final class Frontline {

    private final ConversationStore store;
    private final Clock clock;
    private final ConversationServices services;
    private final Conversations conversations;
    private final Participants participants;
    private final Workers workers;
    private final ConversationRouter router;

    public Frontline(ConversationStore store, Sids sids, Clock clock, WebhookTransport transport, Directory directory) {
        this.store = store;
        this.clock = clock;
        this.services = new ConversationServices(store, sids, clock);
        this.conversations = new Conversations(store, sids, clock);
        this.participants = new Participants(store, conversations, sids, clock);
        this.workers = new Workers(store, sids, clock);
        this.router = new ConversationRouter(participants, workers, transport, directory, clock, sids);
    }

    public ConversationServices services() {
        return services;
    }

    public Conversations conversations() {
        return conversations;
    }

    public Participants participants() {
        return participants;
    }

    public Workers workers() {
        return workers;
    }

    // ---- what the session asks ----

    /** The service that {@code serviceInstanceSid} names, if the account has it. */
    public Optional<ConversationService> service(String accountSid, String serviceSid) {
        return services.find(accountSid, serviceSid);
    }

    /**
     * A customer's call ({@code From}, {@code To}) finds its conversation in the service (decision 5): the one
     * whose customer participant has {@code messaging_binding.address = from} and {@code proxy_address = to},
     * if it is {@code active} or {@code inactive} (which becomes active; its timers count again); a
     * {@code closed} one never matches. Without one, and with {@code autocreate}, a new conversation with the
     * caller as customer is made. Atomic: two calls from the same customer at once find or make one conversation.
     */
    public InboundLookup inbound(ConversationService service, String from, String to, boolean autocreate) {
        try {
            InboundLookup result = store.atomically(service.accountSid(), tx -> {
                Instant now = clock.now();
                Optional<Conversation> held = ParticipantRules.holder(tx, service.accountSid(), from, to, now)
                    .filter(c -> c.chatServiceSid().equals(service.sid()));
                if (held.isPresent()) {
                    Conversation conversation = activated(tx, held.get(), now);
                    return new InboundLookup.Existing(conversation, tx.participants(conversation.sid()).stream()
                        .filter(p -> p.holds(from, to)).findFirst().orElseThrow());
                }
                if (!autocreate) return new InboundLookup.NotFound();
                Conversation created = conversations.createIn(tx,
                    ConversationServices.existing(tx, service.accountSid(), service.sid()), ConversationParams.NONE);
                return new InboundLookup.Created(created,
                    participants.addIn(tx, created, ParticipantParams.customer(from, to)));
            });
            if (result instanceof InboundLookup.Created created) participants.announce(created.customer());
            return result;
        } catch (ConversationException e) {
            return new InboundLookup.CreateFailed(e.code(), e.getMessage());
        }
    }

    /**
     * A worker's call from the Frontline app names its conversation by the {@code ConversationSid} parameter of
     * the call's webhook (decision 3). The conversation must be in the service and not closed; an inactive one
     * becomes active. Its one customer (address and proxy address) is whom the session dials.
     */
    public WorkerCallLookup workerCall(ConversationService service, Optional<String> conversationSid) {
        String sid = conversationSid.orElse("");
        if (sid.isEmpty()) return new WorkerCallLookup.Invalid("the call carries no ConversationSid");
        if (!Sids.isSid(sid, "CH")) return new WorkerCallLookup.Invalid("ConversationSid " + sid + " is no conversation SID");
        return store.atomically(service.accountSid(), tx -> {
            Instant now = clock.now();
            Optional<Conversation> found = tx.conversation(sid).map(c -> c.settled(now))
                .filter(c -> c.accountSid().equals(service.accountSid()) && c.chatServiceSid().equals(service.sid()));
            if (found.isEmpty()) {
                return new WorkerCallLookup.Invalid("no conversation " + sid + " in service " + service.sid());
            }
            if (found.get().isClosed()) return new WorkerCallLookup.Invalid("conversation " + sid + " is closed");
            List<Participant> customers = tx.participants(sid).stream()
                .filter(p -> p.address().isPresent() && p.proxyAddress().isPresent()).toList();
            if (customers.size() != 1) {
                return new WorkerCallLookup.Unusable("conversation " + sid + " has " + customers.size()
                    + " customer participants with an address and a proxy address; a call reaches exactly one");
            }
            return new WorkerCallLookup.Found(activated(tx, found.get(), now), customers.get(0));
        });
    }

    /**
     * The worker to reach for a conversation (decision 4): the first chat participant, in the order they were
     * added, whose identity is an active Frontline user. None at all: {@link WorkerAssignment.NoWorker} (32504);
     * only unusable ones: {@link WorkerAssignment.Unusable} (32505). Availability does not matter here: it only
     * keeps a worker out of pool routing.
     */
    public WorkerAssignment workerOf(Conversation conversation) {
        List<Participant> chat = store.participants(conversation.sid()).stream().filter(Participant::isChat).toList();
        if (chat.isEmpty()) {
            return new WorkerAssignment.NoWorker("conversation " + conversation.sid()
                + " has no worker participant (a participant with an identity)");
        }
        List<String> problems = new ArrayList<>();
        for (Participant p : chat) {
            String identity = p.identity().orElseThrow();
            Optional<Worker> worker = store.workerByIdentity(conversation.accountSid(), identity);
            if (worker.filter(Worker::isActive).isPresent()) return new WorkerAssignment.Assigned(p, worker.get());
            problems.add(worker.isEmpty() ? identity + " is no Frontline user" : identity + " is deactivated");
        }
        return new WorkerAssignment.Unusable("conversation " + conversation.sid() + " has no usable worker: "
            + String.join(", ", problems));
    }

    /**
     * Starts routing a conversation that {@link #inbound} created, as its service says now ({@link Routing}).
     * A service deleted meanwhile routes nothing.
     */
    public RoutingAttempt route(Conversation conversation, Participant customer) {
        return services.find(conversation.accountSid(), conversation.chatServiceSid())
            .map(service -> router.route(service, conversation, customer))
            .orElseGet(() -> new RoutingAttempt(Routing.none(), conversation.sid(),
                "no routing: service " + conversation.chatServiceSid() + " no longer exists", true));
    }

    /**
     * Calls the listener with each chat (worker) participant added to the conversation from now on, on the
     * adding thread. For a call's run: post to its mailbox, then check {@link #workerOf} once (a worker may have
     * come before the subscription), and wait in the mailbox with the other signals until the deadline.
     */
    public Subscription onWorkerAdded(String conversationSid, Consumer<Participant> listener) {
        return participants.onAdded(conversationSid, p -> {
            if (p.isChat()) listener.accept(p);
        });
    }

    /**
     * Waits on the clock until the conversation has a worker participant or the deadline passes: the worker
     * ({@link WorkerAssignment.Assigned}, or {@link WorkerAssignment.Unusable} if the one added cannot be reached),
     * or empty at the deadline ({@code Result=no-other-participants}, alert 32506). Blocks the calling thread in
     * a {@link Mailbox}: on virtual time it costs no real time. A call's run that must also notice its caller
     * hanging up meanwhile uses {@link #onWorkerAdded} with its own mailbox instead.
     */
    public Optional<WorkerAssignment> awaitWorker(Conversation conversation, Instant deadline) {
        Mailbox<Participant> added = clock.mailbox();
        try (Subscription ignored = onWorkerAdded(conversation.sid(), added::post)) {
            while (true) {
                WorkerAssignment assignment = workerOf(conversation);
                if (!(assignment instanceof WorkerAssignment.NoWorker)) return Optional.of(assignment);
                if (added.poll(deadline).isEmpty()) return Optional.empty();
            }
        }
    }

    /** The conversation, reactivated and stored if it was inactive. */
    private static Conversation activated(ConversationStore.Transaction tx, Conversation conversation, Instant now) {
        if (conversation.state() != ConversationState.INACTIVE) return conversation;
        Conversation active = conversation.reactivated(now);
        tx.put(active);
        return active;
    }
}
