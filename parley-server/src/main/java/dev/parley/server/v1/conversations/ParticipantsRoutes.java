package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.ConversationServices;
import dev.parley.engine.conversation.Participant;
import dev.parley.engine.conversation.Participants;
import dev.parley.server.http.Params;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.V1Paging;
import io.javalin.http.Context;

/**
 * The participants of a conversation (named by SID or unique name), on a named service's path and on the default
 * one's: add, list (in the order they were added, {@code PageSize} up to 100), and fetch / update / remove by SID
 * or identity. Adding a chat participant is how an app's custom routing assigns the worker that a waiting
 * {@code <Connect><Conversation>} session dials: the domain's listeners hear of it at once.
 */
final class ParticipantsRoutes extends ScopedCollection {

    private final Participants participants;

    ParticipantsRoutes(Participants participants, ConversationServices services, Owners owners) {
        super("/Conversations/{ConversationSid}/Participants", owners, services);
        this.participants = participants;
    }

    @Override
    Object create(Context ctx, ServiceScope s) {
        return ParticipantView.of(ctx, s, participants.add(s.accountSid(), s.serviceSid(), conversation(ctx),
            ParticipantForm.create(Params.of(ctx))));
    }

    @Override
    Object fetch(Context ctx, ServiceScope s) {
        return ParticipantView.of(ctx, s, participants.fetch(s.accountSid(), s.serviceSid(), conversation(ctx),
            ctx.pathParam("Sid")));
    }

    @Override
    Object update(Context ctx, ServiceScope s) {
        return ParticipantView.of(ctx, s, participants.update(s.accountSid(), s.serviceSid(), conversation(ctx),
            ctx.pathParam("Sid"), ParticipantForm.update(Params.of(ctx))));
    }

    @Override
    void delete(Context ctx, ServiceScope s) {
        participants.remove(s.accountSid(), s.serviceSid(), conversation(ctx), ctx.pathParam("Sid"));
    }

    @Override
    Object list(Context ctx, ServiceScope s) {
        return V1Paging.page(ctx, 100, "participants",
            participants.list(s.accountSid(), s.serviceSid(), conversation(ctx)), Participant::sid,
            p -> ParticipantView.of(ctx, s, p));
    }

    private static String conversation(Context ctx) {
        return ctx.pathParam("ConversationSid");
    }
}
