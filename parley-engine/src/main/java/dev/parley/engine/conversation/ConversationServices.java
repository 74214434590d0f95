package dev.parley.engine.conversation;

import dev.parley.engine.Sids;
import dev.parley.engine.clock.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Conversations Services ({@code IS…}) of an account, which one is the account's default (Twilio's non-service
 * paths, {@code /v1/Conversations…}, act on it; Frontline requires its service to be the default), and each
 * service's {@link Routing}.
 */
public final class ConversationServices {

    /** The name Twilio gives the service it creates for an account. */
    public static final String DEFAULT_FRIENDLY_NAME = "Default Conversations Service";

    private final ConversationStore store;
    private final Sids sids;
    private final Clock clock;

    public ConversationServices(ConversationStore store, Sids sids, Clock clock) {
        this.store = store;
        this.sids = sids;
        this.clock = clock;
    }

    public ConversationService create(String accountSid, String friendlyName) {
        Objects.requireNonNull(friendlyName, "friendlyName");
        return store.atomically(accountSid, tx -> createIn(tx, accountSid, friendlyName));
    }

    public Optional<ConversationService> find(String accountSid, String serviceSid) {
        return store.service(serviceSid).filter(s -> s.accountSid().equals(accountSid));
    }

    /** The service, or 20404. */
    public ConversationService fetch(String accountSid, String serviceSid) {
        return existing(store, accountSid, serviceSid);
    }

    public List<ConversationService> list(String accountSid) {
        return store.services(accountSid);
    }

    /** The account's default service; the first time, one named {@value #DEFAULT_FRIENDLY_NAME} is made. */
    public ConversationService defaultService(String accountSid) {
        return store.defaultServiceSid(accountSid).flatMap(store::service).orElseGet(() ->
            store.atomically(accountSid, tx -> tx.defaultServiceSid(accountSid).flatMap(tx::service).orElseGet(() -> {
                ConversationService created = createIn(tx, accountSid, DEFAULT_FRIENDLY_NAME);
                tx.defaultService(accountSid, created.sid());
                return created;
            })));
    }

    /** Makes the service the account's default (Twilio's Configuration {@code DefaultChatServiceSid}). */
    public ConversationService makeDefault(String accountSid, String serviceSid) {
        return store.atomically(accountSid, tx -> {
            ConversationService service = existing(tx, accountSid, serviceSid);
            tx.defaultService(accountSid, service.sid());
            return service;
        });
    }

    /** Sets how the service routes its new conversations. */
    public ConversationService route(String accountSid, String serviceSid, Routing routing) {
        Objects.requireNonNull(routing, "routing");
        return store.atomically(accountSid, tx -> {
            ConversationService changed = existing(tx, accountSid, serviceSid).withRouting(routing, clock.now());
            tx.put(changed);
            return changed;
        });
    }

    /** Deletes the service with all its conversations and participants; 20404 if there is none. */
    public void delete(String accountSid, String serviceSid) {
        store.atomically(accountSid, tx -> {
            tx.deleteService(existing(tx, accountSid, serviceSid).sid());
            return null;
        });
    }

    /** The account's service, or 20404. */
    static ConversationService existing(ConversationReads reads, String accountSid, String serviceSid) {
        return reads.service(serviceSid).filter(s -> s.accountSid().equals(accountSid))
            .orElseThrow(() -> ConversationErrors.notFound("Service " + serviceSid));
    }

    private ConversationService createIn(ConversationStore.Transaction tx, String accountSid, String friendlyName) {
        Instant now = clock.now();
        ConversationService service = new ConversationService(sids.next("IS"), accountSid, friendlyName, now, now,
            Routing.none());
        tx.put(service);
        return service;
    }
}
