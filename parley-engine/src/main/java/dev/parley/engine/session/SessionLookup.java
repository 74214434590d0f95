package dev.parley.engine.session;

import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.conversation.InboundLookup;
import dev.parley.engine.conversation.Worker;
import dev.parley.engine.conversation.WorkerAssignment;
import dev.parley.engine.conversation.WorkerCallLookup;
import java.util.Optional;

/**
 * The session's questions to the conversations domain, each answer turned into the event the machine acts on. Which
 * call is whose: a call from {@code client:<identity>} is a worker's (decision 3); any other is a customer's, whose
 * address is the caller ({@code From}) and whose company number is the number called ({@code To}), the other way
 * round for a call Parley placed to the customer.
 */
final class SessionLookup {

    /** Twilio's generic Voice Conversation error: here, a service the account does not have. */
    static final int GENERIC_ERROR = 32500;
    /** The webhook parameter that names a worker's conversation (decision 3). */
    static final String CONVERSATION_SID = "ConversationSid";

    private SessionLookup() {
    }

    static boolean workerInitiated(SessionContext context) {
        return context.from().startsWith(Worker.CLIENT_PREFIX);
    }

    /** The customer's address: the caller of an inbound call, else the called party. */
    static String customerAddress(SessionContext context) {
        return context.inbound() ? context.from() : context.to();
    }

    /** The company's number the customer knows (the proxy address). */
    static String companyAddress(SessionContext context) {
        return context.inbound() ? context.to() : context.from();
    }

    static SessionEvent lookUp(Frontline frontline, SessionContext context, SessionSettings settings) {
        Optional<ConversationService> service = frontline.service(context.accountSid(), settings.serviceInstanceSid());
        if (service.isEmpty()) {
            return new SessionEvent.UnusableConversation(GENERIC_ERROR, "Voice Conversation: the account has no "
                + "Conversations service " + settings.serviceInstanceSid());
        }
        return workerInitiated(context) ? workerCall(frontline, context, service.get())
            : customerCall(frontline, context, service.get(), settings.inboundAutocreation());
    }

    private static SessionEvent workerCall(Frontline frontline, SessionContext context, ConversationService service) {
        return switch (frontline.workerCall(service, context.parameter(CONVERSATION_SID))) {
            case WorkerCallLookup.Found found ->
                new SessionEvent.PartyFound(found.conversation(), found.customerAddress(), found.callerId());
            case WorkerCallLookup.Invalid invalid -> new SessionEvent.InvalidConversation(invalid.reason());
            case WorkerCallLookup.Unusable unusable ->
                new SessionEvent.UnusableConversation(unusable.alertCode(), unusable.reason());
        };
    }

    private static SessionEvent customerCall(Frontline frontline, SessionContext context, ConversationService service,
                                             boolean autocreate) {
        String customer = customerAddress(context);
        return switch (frontline.inbound(service, customer, companyAddress(context), autocreate)) {
            case InboundLookup.Existing existing ->
                assigned(frontline.workerOf(existing.conversation()), existing.conversation(), customer);
            case InboundLookup.Created created -> new SessionEvent.ConversationCreated(created.conversation(),
                created.customer());
            case InboundLookup.NotFound notFound -> new SessionEvent.NoConversation();
            case InboundLookup.CreateFailed failed -> new SessionEvent.CreationFailed(failed.errorCode(), failed.message());
        };
    }

    /**
     * The worker of a conversation as an event: {@code PartyFound} (dial the worker, showing the customer's
     * address), or {@code UnusableConversation} with 32504 (no worker participant) or 32505 (none usable).
     */
    static SessionEvent assigned(WorkerAssignment assignment, Conversation conversation, String customer) {
        return switch (assignment) {
            case WorkerAssignment.Assigned assigned -> new SessionEvent.PartyFound(conversation, assigned.address(), customer);
            case WorkerAssignment.Unassigned unassigned ->
                new SessionEvent.UnusableConversation(unassigned.alertCode(), unassigned.reason());
        };
    }
}
