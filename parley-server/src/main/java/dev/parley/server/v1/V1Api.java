package dev.parley.server.v1;

import dev.parley.engine.account.Directory;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.conversation.ConversationReads;
import dev.parley.engine.conversation.Frontline;
import dev.parley.server.http.BasicAuth;
import dev.parley.server.http.Routes;
import dev.parley.server.v1.conversations.ConversationsApi;
import dev.parley.server.v1.frontline.UsersRoutes;
import dev.parley.server.v1.monitor.AlertsRoutes;
import dev.parley.server.v1.parley.ParleyV1Api;
import java.util.ArrayList;
import java.util.List;

/**
 * Twilio's v1 product APIs on Parley: Conversations v1 (Services, Conversations, Participants,
 * ParticipantConversations, Configuration), Frontline v1 (Users) and Monitor v1 (Alerts), served by product host
 * or prefix ({@link V1Router}), with Parley's own additions under {@code /parley/v1} (creating Frontline users, a
 * service's routing). Documented in {@code docs/rest-api-v1.md}.
 */
public final class V1Api {

    private V1Api() {
    }

    /**
     * The routes. {@code reads} is the conversation store's read side: it tells which account owns a SID
     * ({@link Owners}).
     */
    public static List<Routes> routes(BasicAuth auth, Directory directory, CallEngine engine, Frontline frontline,
                                      ConversationReads reads) {
        Owners owners = new Owners(directory, reads);
        List<V1Resource> resources = new ArrayList<>(ConversationsApi.resources(frontline, owners));
        resources.add(new UsersRoutes(frontline.workers(), owners));
        resources.add(new AlertsRoutes(engine, owners));
        List<Routes> routes = new ArrayList<>();
        routes.add(new DomainErrors());
        routes.add(new V1Router(auth, resources));
        routes.addAll(ParleyV1Api.routes(frontline, owners));
        return routes;
    }
}
