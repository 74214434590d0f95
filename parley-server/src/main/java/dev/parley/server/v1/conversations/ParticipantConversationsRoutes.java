package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.ConversationServices;
import dev.parley.engine.conversation.ParticipantConversation;
import dev.parley.engine.conversation.Participants;
import dev.parley.engine.conversation.Worker;
import dev.parley.engine.conversation.Workers;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.Product;
import dev.parley.server.v1.V1Paging;
import dev.parley.server.v1.V1Resource;
import dev.parley.server.v1.V1Router;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * {@code /v1/Services/{ChatServiceSid}/ParticipantConversations} and {@code /v1/ParticipantConversations}: the
 * conversations of a customer ({@code Address}, their {@code messaging_binding.address}) or of a chat user such as
 * a worker ({@code Identity}), exactly one of the two; {@code PageSize} up to 50.
 */
final class ParticipantConversationsRoutes implements V1Resource {

    private final Participants participants;
    private final Workers workers;
    private final ConversationServices services;
    private final Owners owners;

    ParticipantConversationsRoutes(Participants participants, Workers workers, ConversationServices services,
                                   Owners owners) {
        this.participants = participants;
        this.workers = workers;
        this.services = services;
        this.owners = owners;
    }

    @Override
    public void addTo(V1Router router) {
        for (String scope : ServiceScope.PATHS) {
            router.get(Product.CONVERSATIONS, scope + "/ParticipantConversations", this::list);
        }
    }

    private void list(Context ctx) {
        Params params = Params.of(ctx);
        Optional<String> address = params.first("Address").filter(v -> !v.isBlank());
        Optional<String> identity = params.first("Identity").filter(v -> !v.isBlank());
        if (address.isPresent() == identity.isPresent()) {
            throw ApiException.badRequest("Either Identity or Address must be given, and not both");
        }
        ServiceScope s = ServiceScope.of(ctx, owners, services);
        List<ParticipantConversation> found = address.isPresent()
            ? participants.ofAddress(s.accountSid(), s.serviceSid(), address.get())
            : participants.ofIdentity(s.accountSid(), s.serviceSid(), identity.get());
        ctx.json(V1Paging.page(ctx, 50, "conversations", found, pc -> pc.participant().sid(),
            pc -> ParticipantConversationView.of(ctx, s, pc, pc.participant().identity()
                .flatMap(i -> workers.find(s.accountSid(), i)).map(Worker::sid))));
    }
}
