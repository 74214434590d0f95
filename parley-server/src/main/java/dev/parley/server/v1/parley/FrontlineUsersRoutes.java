package dev.parley.server.v1.parley;

import dev.parley.engine.conversation.Worker;
import dev.parley.engine.conversation.Workers;
import dev.parley.server.http.ListPage;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.frontline.UserForm;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code /parley/v1/Frontline/Users}: Frontline users (workers) for operators. Twilio creates a user at its first
 * SSO login and its API can only fetch and update one; Parley has no SSO, so its operators create ({@code Identity}
 * and the fields of Twilio's update, plus {@code PhoneNumber}), list, fetch, update and delete them here, by
 * {@code US…} SID or identity. {@code AccountSid} names a subaccount of the caller.
 */
final class FrontlineUsersRoutes implements Routes {

    private static final String USER = ParleyPaths.FRONTLINE_USERS + "/{Sid}";

    private final Workers workers;
    private final Owners owners;

    FrontlineUsersRoutes(Workers workers, Owners owners) {
        this.workers = workers;
        this.owners = owners;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.post(ParleyPaths.FRONTLINE_USERS, this::create);
        routing.get(ParleyPaths.FRONTLINE_USERS, ctx -> ctx.json(ListPage.of(ctx, "users",
            workers.list(owners.named(ctx, Params.of(ctx))).stream().map(w -> WorkerView.of(ctx, w)).toList())));
        routing.get(USER, ctx -> ctx.json(WorkerView.of(ctx, existing(ctx))));
        routing.post(USER, ctx -> {
            Worker w = existing(ctx);
            ctx.json(WorkerView.of(ctx, workers.update(w.accountSid(), w.sid(), UserForm.read(Params.of(ctx), true))));
        });
        routing.delete(USER, ctx -> {
            Worker w = existing(ctx);
            workers.delete(w.accountSid(), w.sid());
            ctx.status(204);
        });
    }

    /** Errors are the domain's: 50204 without {@code Identity}, 50206 for one like a SID, 50201 when taken. */
    private void create(Context ctx) {
        Params params = Params.of(ctx);
        Worker created = workers.create(owners.named(ctx, params), params.first("Identity").orElse(""),
            UserForm.read(params, true));
        ctx.status(201).json(WorkerView.of(ctx, created));
    }

    private Worker existing(Context ctx) {
        String sid = ctx.pathParam("Sid");
        return workers.fetch(owners.ofWorker(ctx, sid), sid);
    }
}
