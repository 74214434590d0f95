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
 * auto-answering virtual phones, a third worker away (out of the pool, phone busy) who owns a conversation with a
 * customer, and the demo number whose voice URL is {@link DemoApp}. Everything goes through the same domain
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
    /** Long enough to hear each other, short enough to try the flows one after the other. */
    static final Duration ANSWER_AFTER = Duration.ofSeconds(1);
    static final Duration HANG_UP_AFTER = Duration.ofSeconds(4);
    /** A worker says something (the session's recording has their voice on its second channel). */
    static final Duration TALK_AT = Duration.ofMillis(500);
    static final Duration TALK_FOR = Duration.ofSeconds(2);

    private DemoSetup() {
    }

    /**
     * Sets the demo up for Parley reachable at {@code url} (its apps call it there) and says what it made. Again on
     * data an earlier demo left (the store keeps it across restarts): the service of that name, the workers and the
     * conversation (by its unique name) are used again and set as the demo wants them, and the number is pointed at
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
        Conversation conversation = frontline.conversations().find(account, service, AWAY_CONVERSATION)
            .orElseGet(() -> awayConversation(frontline, account, service));
        parley.directory().pointNumber(account, NUMBER, url + DemoApp.VOICE, parley.clock().now());
        return new Demo(url, service, NUMBER, WORKERS, AWAY, AWAY_CUSTOMER, conversation.sid());
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

    /** The conversation the away worker owns with {@link #AWAY_CUSTOMER}. */
    private static Conversation awayConversation(Frontline frontline, String account, String service) {
        Conversation conversation = frontline.conversations().create(account, service, ConversationParams.builder()
            .uniqueName(AWAY_CONVERSATION).friendlyName("Customer " + AWAY_CUSTOMER).build());
        frontline.participants().add(account, service, conversation.sid(),
            ParticipantParams.customer(AWAY_CUSTOMER, NUMBER));
        frontline.participants().add(account, service, conversation.sid(), ParticipantParams.chat(AWAY));
        return conversation;
    }

    private static String name(String identity) {
        String local = identity.substring(0, identity.indexOf('@'));
        return Character.toUpperCase(local.charAt(0)) + local.substring(1);
    }
}
