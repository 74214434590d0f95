package dev.parley.server.v1.frontline;

import dev.parley.engine.conversation.Worker;
import dev.parley.server.v1.Product;
import dev.parley.server.v1.V1Links;
import io.javalin.http.Context;

/** A Frontline user as Twilio's JSON has it ({@code frontline.v1.user}). */
public record UserView(String sid, String identity, String friendlyName, String avatar, String state,
                       boolean isAvailable, String url) {

    public static String path(Worker worker) {
        return "/v1/Users/" + worker.sid();
    }

    /** The user, its {@code url} as the client reached the Frontline API. */
    static UserView of(Context ctx, Worker w) {
        return of(w, V1Links.url(ctx, path(w)));
    }

    /** The user, its {@code url} under the Frontline prefix (for answers to Parley's own paths). */
    public static UserView prefixed(Context ctx, Worker w) {
        return of(w, V1Links.url(ctx, Product.FRONTLINE, path(w)));
    }

    private static UserView of(Worker w, String url) {
        return new UserView(w.sid(), w.identity(), w.friendlyName().orElse(null), w.avatar().orElse(null),
            w.state().value(), w.isAvailable(), url);
    }
}
