package dev.parley.server;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallObserver;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.clock.SystemClock;
import dev.parley.engine.conversation.ConversationStore;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.conversation.InMemoryConversationStore;
import dev.parley.engine.webhook.HttpWebhookTransport;
import dev.parley.server.logging.CallEventLog;
import dev.parley.server.metrics.Metrics;
import dev.parley.sim.VirtualNetwork;
import java.util.List;

/**
 * One Parley, wired: its clock, accounts and numbers, the virtual phone network (the telephony it has today), the
 * call engine, and the conversations domain (services, conversations, participants, Frontline workers, routing) that
 * its {@code <Connect><Conversation>} sessions run on.
 * Calls report to its {@link Metrics} and to the structured log ({@link CallEventLog}).
 * Built from a {@link ParleyConfig}; the HTTP server and the command line build on it. In memory: everything is
 * gone when the process ends.
 */
public final class Parley {

    private final ParleyConfig config;
    private final Clock clock;
    private final Sids sids;
    private final Directory directory;
    private final VirtualNetwork network;
    private final CallEngine engine;
    private final ConversationStore conversationStore;
    private final Frontline frontline;
    private final Account account;
    private final Metrics metrics;

    private Parley(ParleyConfig config, Clock clock, Sids sids) {
        this.config = config;
        this.clock = clock;
        this.sids = sids;
        this.directory = new Directory(sids);
        this.network = new VirtualNetwork(clock);
        HttpWebhookTransport transport = new HttpWebhookTransport();
        this.conversationStore = new InMemoryConversationStore();
        this.frontline = new Frontline(conversationStore, sids, clock, transport, directory);
        this.engine = new CallEngine(clock, network, directory, sids, transport, config.baseUrl()).conversations(frontline);
        network.arrivals(engine);
        this.metrics = new Metrics(engine);
        engine.observer(CallObserver.all(List.of(metrics.calls(), new CallEventLog())));
        this.account = config.credentials()
            .map(c -> directory.put(Account.main(c.accountSid(), c.authToken(), "Parley", clock.now())))
            .orElseGet(() -> directory.createAccount("Parley", clock.now()));
        for (ParleyConfig.NumberRoute route : config.numbers()) {
            directory.addNumber(account.sid(), route.phoneNumber(), route.voiceUrl(), clock.now());
        }
    }

    /** Real time, secure random SIDs and tokens. */
    public static Parley create(ParleyConfig config) {
        return create(config, new SystemClock(), Sids.secure());
    }

    /** With a given clock (a {@code VirtualClock} in tests) and SID source (seeded in tests). */
    public static Parley create(ParleyConfig config, Clock clock, Sids sids) {
        return new Parley(config, clock, sids);
    }

    public ParleyConfig config() { return config; }
    public Clock clock() { return clock; }
    public Sids sids() { return sids; }
    public Directory directory() { return directory; }
    public VirtualNetwork network() { return network; }
    public CallEngine engine() { return engine; }
    public ConversationStore conversationStore() { return conversationStore; }
    /** Conversations, workers and routing: what the v1 APIs manage and {@code <Connect><Conversation>} runs on. */
    public Frontline frontline() { return frontline; }
    /** Its meters (calls, webhooks, the JVM), served at {@code /metrics}. */
    public Metrics metrics() { return metrics; }

    /** The account of the configuration (its credentials, or the one created at start). */
    public Account account() { return account; }
}
