package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationServices;
import dev.parley.engine.conversation.ConversationState;
import dev.parley.engine.conversation.Conversations;
import dev.parley.server.http.Params;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.V1Dates;
import dev.parley.server.v1.V1Paging;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Conversations, on a named service ({@code /v1/Services/{ChatServiceSid}/Conversations}) and on the default one
 * ({@code /v1/Conversations}): create, fetch / update / delete by SID or unique name, and list with Twilio's filters
 * {@code State}, {@code StartDate} and {@code EndDate} (creation date, both ends included; with a date filter the
 * newest come first, as Twilio documents; else creation order), {@code PageSize} up to 100.
 */
final class ConversationsRoutes extends ScopedCollection {

    private final Conversations conversations;

    ConversationsRoutes(Conversations conversations, ConversationServices services, Owners owners) {
        super("/Conversations", owners, services);
        this.conversations = conversations;
    }

    @Override
    Object create(Context ctx, ServiceScope s) {
        return ConversationView.of(ctx, s,
            conversations.create(s.accountSid(), s.serviceSid(), ConversationForm.read(Params.of(ctx))));
    }

    @Override
    Object fetch(Context ctx, ServiceScope s) {
        return ConversationView.of(ctx, s, conversations.fetch(s.accountSid(), s.serviceSid(), ctx.pathParam("Sid")));
    }

    @Override
    Object update(Context ctx, ServiceScope s) {
        return ConversationView.of(ctx, s, conversations.update(s.accountSid(), s.serviceSid(), ctx.pathParam("Sid"),
            ConversationForm.read(Params.of(ctx))));
    }

    @Override
    void delete(Context ctx, ServiceScope s) {
        conversations.delete(s.accountSid(), s.serviceSid(), ctx.pathParam("Sid"));
    }

    @Override
    Object list(Context ctx, ServiceScope s) {
        Params params = Params.of(ctx);
        Optional<ConversationState> state = params.first("State").map(ConversationForm::state);
        Optional<Instant> start = V1Dates.start(params, "StartDate");
        Optional<Instant> end = V1Dates.end(params, "EndDate");
        List<Conversation> found = conversations.list(s.accountSid(), s.serviceSid(), state).stream()
            .filter(c -> V1Dates.within(c.dateCreated(), start, end)).toList();
        if (start.isPresent() || end.isPresent()) {
            found = found.stream().sorted(Comparator.comparing(Conversation::dateCreated).reversed()).toList();
        }
        return V1Paging.page(ctx, 100, "conversations", found, Conversation::sid,
            c -> ConversationView.of(ctx, s, c));
    }
}
