package dev.parley.server.api2010;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Directory;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.store.MediaStore;
import dev.parley.engine.store.Store;
import dev.parley.server.http.BasicAuth;
import dev.parley.server.http.Routes;
import java.util.List;

/**
 * Twilio's REST API 2010-04-01 for voice, under {@code /2010-04-01}: Accounts (and subaccounts), Calls, Recordings
 * (with their media), Calls/{Sid}/Recordings, IncomingPhoneNumbers. Resources end in {@code .json} (JSON only; Twilio's
 * XML and CSV forms are not served), requests are form-encoded, dates RFC 2822, lists in the 2010 paging envelope.
 * Every request authenticates with {@link BasicAuth} but a read of recording media, which Twilio serves without
 * credentials unless an account asks otherwise. Documented in {@code docs/rest-api.md}.
 */
public final class Api2010 {

    public static final String BASE = "/2010-04-01";
    public static final String API_VERSION = "2010-04-01";

    private Api2010() {
    }

    /**
     * The routes of every resource of the API, behind {@code auth}. Changes go through the engine's rules
     * ({@link Directory}, {@link CallEngine}); lists and fetches are the {@link Store}'s account-scoped queries, and
     * media the {@link MediaStore}'s.
     */
    public static List<Routes> routes(BasicAuth auth, Clock clock, Sids sids, Directory directory, CallEngine engine,
                                      Store store, MediaStore media) {
        return List.of(
            r -> r.before(BASE + "/*", ctx -> {
                if (!RecordingMedia.isMediaRead(ctx)) auth.check(ctx);
            }),
            new AccountsRoutes(directory, store, clock),
            new NumbersRoutes(directory, store, clock, sids),
            new CallsRoutes(directory, store, engine),
            new RecordingsRoutes(directory, store, media, engine));
    }
}
