package dev.parley.server.v1.parley;

import dev.parley.engine.conversation.Worker;
import dev.parley.server.http.Json;
import dev.parley.server.http.Links;
import dev.parley.server.v1.frontline.UserView;
import io.javalin.http.Context;
import java.util.Map;

/**
 * A Frontline user as Parley's operators see it: the fields of Twilio's Frontline User, its account, the number of
 * its own that Parley dials instead of {@code client:<identity>} ({@code phone_number}, null when none), and when it
 * was created and updated; {@code links.frontline} is the user at the Frontline API.
 */
record WorkerView(String sid, String accountSid, String identity, String friendlyName, String avatar, String state,
                  boolean isAvailable, String phoneNumber, String dateCreated, String dateUpdated, String url,
                  Map<String, String> links) {

    static WorkerView of(Context ctx, Worker w) {
        return new WorkerView(w.sid(), w.accountSid(), w.identity(), w.friendlyName().orElse(null),
            w.avatar().orElse(null), w.state().value(), w.isAvailable(), w.phoneNumber().orElse(null),
            Json.instant(w.dateCreated()), Json.instant(w.dateUpdated()),
            Links.absolute(ctx, ParleyPaths.FRONTLINE_USERS + "/" + w.sid()),
            Map.of("frontline", UserView.prefixed(ctx, w).url()));
    }
}
