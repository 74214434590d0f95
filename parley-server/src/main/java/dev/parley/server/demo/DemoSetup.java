package dev.parley.server.demo;

import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationParams;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.engine.conversation.Routing;
import dev.parley.engine.conversation.WorkerParams;
import dev.parley.server.Parley;
import java.time.Duration;
import java.util.List;

/**
 * Sets up the demo on a running Parley's account: a Frontline service with pool routing, two available workers on
 * auto-answering virtual phones, one of whom owns a conversation with a customer she can call (a worker-initiated
 * call), a third worker away (out of the pool, phone busy) who owns a conversation with a customer, and the demo
 * number whose voice URL is {@link DemoApp}. Everything goes through the same domain
 * objects the REST APIs use; nothing is special about it but the data, which the store keeps like any other.
 */
public final class DemoSetup {

    public static final String NUMBER = "+15550001000";
    static final String SERVICE = "Parley demo";
    /** The unique name of the away worker's conversation, by which a second start finds it. */
    static final String AWAY_CONVERSATION = "parley-demo-away";
    static final List<String> WORKERS = List.of("alice@example.com", "bob@example.com");
    static final String AWAY = "carol@example.com";
    static final String AWAY_CUSTOMER = "+15557770003";
    /** The unique name of the conversation a pool worker owns, which she calls from the Frontline app. */
    static final String WORKER_CONVERSATION = "parley-demo-callback";
    /** The worker who owns it, and her customer, whose phone answers and talks. */
    static final String CALLING_WORKER = "alice@example.com";
    public static final String WORKER_CUSTOMER = "+15557770004";
    /** Long enough to hear each other, short enough to try the flows one after the other. */
    static final Duration ANSWER_AFTER = Duration.ofSeconds(1);
    static final Duration HANG_UP_AFTER = Duration.ofSeconds(4);
    /** A worker says something (the session's recording has their voice on its second channel). */
    static final Duration TALK_AT = Duration.ofMillis(500);
    static final Duration TALK_FOR = Duration.ofSeconds(2);
    /** The worker's customer answers her call back, says something while she is on, and hangs up at the latest here. */
    static final Duration CUSTOMER_TALKS_AT = Duration.ofMillis(1500);
    static final Duration CUSTOMER_TALKS_FOR = Duration.ofSeconds(1);
    static final Duration CUSTOMER_HANGS_UP_AFTER = Duration.ofSeconds(8);

    private DemoSetup() {
    }

    /**
     * Sets the demo up for Parley reachable at {@code url} (its apps call it there) and says what it made. Again on
     * data an earlier demo left (the store keeps it across restarts): the service of that name, the workers and the
     * conversations (by their unique names) are used again and set as the demo wants them, and the number is pointed at
     * this URL, so that a second start neither fails nor doubles anything.
     */
    public static Demo on(Parley parley, String url) {
        String account = parley.account().sid();
        Frontline frontline = parley.frontline();
        String service = frontline.services().list(account).stream().filter(s -> s.friendlyName().equals(SERVICE))
            .findFirst().orElseGet(() -> frontline.services().create(account, SERVICE)).sid();
        frontline.services().route(account, service, new Routing.Pool());
        for (String worker : WORKERS) {
            worker(frontline, account, worker, true);
            parley.network().phone("client:" + worker).answerAfter(ANSWER_AFTER).talk(TALK_AT, TALK_FOR)
                .hangupAt(HANG_UP_AFTER);
        }
        worker(frontline, account, AWAY, false);
        parley.network().phone("client:" + AWAY).busy();
        parley.network().phone(WORKER_CUSTOMER).answerAfter(ANSWER_AFTER).talk(CUSTOMER_TALKS_AT, CUSTOMER_TALKS_FOR)
            .hangupAt(CUSTOMER_HANGS_UP_AFTER);
        Conversation away = conversation(frontline, account, service, AWAY_CONVERSATION, AWAY_CUSTOMER, AWAY);
        Conversation callback = conversation(frontline, account, service, WORKER_CONVERSATION, WORKER_CUSTOMER,
            CALLING_WORKER);
        parley.directory().pointNumber(account, NUMBER, url + DemoApp.VOICE, parley.clock().now());
        return new Demo(url, service, NUMBER, WORKERS, AWAY, AWAY_CUSTOMER, away.sid(),
            new Demo.Owned(CALLING_WORKER, WORKER_CUSTOMER, callback.sid()));
    }

    /** A worker as the demo wants them: created, or (kept from an earlier demo) updated. */
    private static void worker(Frontline frontline, String account, String identity, boolean available) {
        WorkerParams params = WorkerParams.NONE.withFriendlyName(name(identity)).withAvailable(available);
        if (frontline.workers().find(account, identity).isPresent()) {
            frontline.workers().update(account, identity, params);
        } else {
            frontline.workers().create(account, identity, params);
        }
    }

    /** The conversation of this unique name: kept from an earlier demo, or made with its customer and worker. */
    private static Conversation conversation(Frontline frontline, String account, String service, String uniqueName,
                                             String customer, String worker) {
        return frontline.conversations().find(account, service, uniqueName).orElseGet(() -> {
            Conversation conversation = frontline.conversations().create(account, service, ConversationParams.builder()
                .uniqueName(uniqueName).friendlyName("Customer " + customer).build());
            frontline.participants().add(account, service, conversation.sid(),
                ParticipantParams.customer(customer, NUMBER));
            frontline.participants().add(account, service, conversation.sid(), ParticipantParams.chat(worker));
            return conversation;
        });
    }

    private static String name(String identity) {
        String local = identity.substring(0, identity.indexOf('@'));
        return Character.toUpperCase(local.charAt(0)) + local.substring(1);
    }
}
