package dev.parley.server.control;

import dev.parley.engine.account.Directory;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.BasicAuth;
import dev.parley.server.http.Links;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;

/**
 * {@code /parley/v1/Calls/{CallSid}/Timeline}: what happened on a call and the legs it dialled. {@code ?Wait=}
 * seconds (at most {@link #MAX_WAIT}) holds the answer until the call's TwiML run has ended (its final status
 * callback answered, its line on the timeline), so a client need not poll; a dialled leg runs no TwiML of its own,
 * so for one it does not wait.
 * Readable with the credentials of the call's account or of its owner; others get 404.
 */
final class TimelineRoutes implements Routes {

    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final CallEngine engine;
    private final Directory directory;
    private final CallEndings endings;

    TimelineRoutes(CallEngine engine, Directory directory, CallEndings endings) {
        this.engine = engine;
        this.directory = directory;
        this.endings = endings;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.get(ControlApi.BASE + "/Calls/{callSid}/Timeline", this::timeline);
    }

    private void timeline(Context ctx) {
        Call call = engine.call(ctx.pathParam("callSid"))
            .filter(c -> directory.mayActOn(BasicAuth.account(ctx).sid(), c.accountSid()))
            .orElseThrow(() -> ApiException.notFound(ctx.path()));
        Params.of(ctx).seconds("Wait").ifPresent(wait -> {
            if (wait.compareTo(MAX_WAIT) > 0) {
                throw ApiException.badRequest("Invalid Wait: at most " + MAX_WAIT.toSeconds() + " seconds");
            }
            endings.await(call.sid(), wait);
        });
        boolean live = engine.isLive(call.sid()) || !call.status().isFinal();
        ctx.json(TimelineView.of(call, live, engine.timeline().of(call), Links.absolute(ctx, ctx.path())));
    }
}
