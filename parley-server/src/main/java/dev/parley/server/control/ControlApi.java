package dev.parley.server.control;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Directory;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.clock.Clock;
import dev.parley.server.http.Routes;
import dev.parley.sim.VirtualNetwork;
import java.util.List;

/**
 * Parley's own control API, under {@code /parley/v1} (a path that says it is Parley's, not Twilio's): virtual
 * phones (set up, act, read what they heard), call timelines, and phone numbers with a voice URL. Documented in
 * {@code docs/virtual-phones.md}.
 */
public final class ControlApi {

    public static final String BASE = "/parley/v1";

    private ControlApi() {
    }

    /** The routes of every resource of the API. */
    public static List<Routes> routes(Clock clock, Sids sids, Directory directory, VirtualNetwork network,
                                      CallEngine engine) {
        Phones phones = new Phones(network);
        return List.of(
            new PhonesRoutes(phones),
            new PhoneCallsRoutes(phones),
            new PhoneActionsRoutes(phones),
            new HeardRoutes(phones),
            new TimelineRoutes(engine, directory, new CallEndings(engine)),
            new PhoneNumbersRoutes(directory, clock, sids));
    }
}
