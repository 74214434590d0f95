package dev.parley.server.v1.parley;

import dev.parley.engine.conversation.Frontline;
import dev.parley.server.http.Routes;
import dev.parley.server.v1.Owners;
import java.util.List;

/**
 * Parley's own additions to the v1 products, for what Twilio does in its console or at SSO login: creating
 * Frontline users and setting a service's routing. Under {@code /parley/v1}, so a path says it is Parley's.
 */
public final class ParleyV1Api {

    private ParleyV1Api() {
    }

    public static List<Routes> routes(Frontline frontline, Owners owners) {
        return List.of(new FrontlineUsersRoutes(frontline.workers(), owners),
            new RoutingRoutes(frontline.services(), owners));
    }
}
