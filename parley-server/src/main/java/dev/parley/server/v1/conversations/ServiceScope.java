package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.ConversationServices;
import dev.parley.server.v1.Owners;
import io.javalin.http.Context;
import java.util.List;

/**
 * The service a Conversations request acts on: named in the path ({@code /v1/Services/{ChatServiceSid}/…}) or the
 * caller's default service ({@code /v1/Conversations…}, {@code /v1/ParticipantConversations}; Twilio makes one for
 * every account, and so does Parley on first use). Resources of either path are registered on both {@link #PATHS}.
 *
 * @param accountSid the account owning the service
 * @param path       the v1 path the scope's resources live under: {@code /v1/Services/IS…} or {@code /v1}
 * @param explicit   whether the path named the service (its participants' JSON then carries
 *                   {@code chat_service_sid}, as Twilio's does)
 */
record ServiceScope(String accountSid, String serviceSid, String path, boolean explicit) {

    static final String SERVICE_PARAM = "ChatServiceSid";
    static final String EXPLICIT = "/v1/Services/{" + SERVICE_PARAM + "}";
    static final String DEFAULT = "/v1";
    static final List<String> PATHS = List.of(EXPLICIT, DEFAULT);

    /** Resolves the scope of a request to either path. */
    static ServiceScope of(Context ctx, Owners owners, ConversationServices services) {
        if (ctx.pathParamMap().containsKey(SERVICE_PARAM)) {
            String serviceSid = ctx.pathParam(SERVICE_PARAM);
            return new ServiceScope(owners.ofService(ctx, serviceSid), serviceSid, ServiceView.path(serviceSid), true);
        }
        String account = owners.caller(ctx);
        return new ServiceScope(account, services.defaultService(account).sid(), DEFAULT, false);
    }

    String conversationPath(String conversationSid) {
        return path + "/Conversations/" + conversationSid;
    }
}
