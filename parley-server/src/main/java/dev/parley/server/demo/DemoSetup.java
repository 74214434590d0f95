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
 * objects the REST APIs use; nothing is special about it but the data.
 */
public final class DemoSetup {

    public static final String NUMBER = "+15550001000";
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

    /** Sets the demo up for Parley reachable at {@code url} (its apps call it there) and says what it made. */
    public static Demo on(Parley parley, String url) {
        String account = parley.account().sid();
        Frontline frontline = parley.frontline();
        String service = frontline.services().create(account, "Parley demo").sid();
        frontline.services().route(account, service, new Routing.Pool());
        for (String worker : WORKERS) {
            frontline.workers().create(account, worker, WorkerParams.NONE.withFriendlyName(name(worker))
                .withAvailable(true));
            parley.network().phone("client:" + worker).answerAfter(ANSWER_AFTER).talk(TALK_AT, TALK_FOR)
                .hangupAt(HANG_UP_AFTER);
        }
        frontline.workers().create(account, AWAY, WorkerParams.NONE.withFriendlyName(name(AWAY)).withAvailable(false));
        parley.network().phone("client:" + AWAY).busy();
        Conversation conversation = frontline.conversations().create(account, service,
            ConversationParams.builder().friendlyName("Customer " + AWAY_CUSTOMER).build());
        frontline.participants().add(account, service, conversation.sid(),
            ParticipantParams.customer(AWAY_CUSTOMER, NUMBER));
        frontline.participants().add(account, service, conversation.sid(), ParticipantParams.chat(AWAY));
        parley.directory().addNumber(account, NUMBER, url + DemoApp.VOICE, parley.clock().now());
        return new Demo(url, service, NUMBER, WORKERS, AWAY, AWAY_CUSTOMER, conversation.sid());
    }

    private static String name(String identity) {
        String local = identity.substring(0, identity.indexOf('@'));
        return Character.toUpperCase(local.charAt(0)) + local.substring(1);
    }
}
