package dev.parley.server.api2010;

import dev.parley.engine.account.Directory;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.TwimlSource;
import dev.parley.engine.store.CallFilter;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoredCall;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.ListPage;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Optional;

/**
 * {@code /2010-04-01/Accounts/{AccountSid}/Calls}: create an outbound call (201), fetch, list with Twilio's filters
 * ({@code To}, {@code From}, {@code ParentCallSid}, {@code Status}, {@code StartTime} and {@code EndTime} with
 * {@code <} and {@code >}), update a live call ({@code Url} or {@code Twiml} to redirect it, {@code Status}
 * {@code completed} or {@code canceled} to end it) and delete the record of a call that is over.
 */
final class CallsRoutes implements Routes {

    private static final String CALLS = AccountPath.route("/Calls");
    private static final List<String> UPDATE_UNSUPPORTED = List.of("StatusCallback", "StatusCallbackMethod", "TimeLimit");

    private final Directory directory;
    private final Store store;
    private final CallEngine engine;

    CallsRoutes(Directory directory, Store store, CallEngine engine) {
        this.directory = directory;
        this.store = store;
        this.engine = engine;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.post(CALLS + ".json", this::create);
        routing.get(CALLS + ".json", this::list);
        routing.get(CALLS + "/{Sid}.json", ctx -> ctx.json(CallView.of(required(ctx, AccountPath.sid(ctx, directory)))));
        routing.post(CALLS + "/{Sid}.json", this::update);
        routing.delete(CALLS + "/{Sid}.json", this::delete);
    }

    private void create(Context ctx) {
        String accountSid = AccountPath.sid(ctx, directory);
        Call call = engine.create(CallCreate.read(Params.of(ctx), accountSid, directory));
        ctx.status(201).json(CallView.of(CallView.created(call)));
    }

    private void list(Context ctx) {
        String accountSid = AccountPath.sid(ctx, directory);
        Params params = Params.of(ctx.queryParamMap());
        CallFilter filter = CallFilter.ALL.startTime(DateFilter.of(params, "StartTime"))
            .endTime(DateFilter.of(params, "EndTime"));
        if (params.first("To").isPresent()) filter = filter.to(params.first("To").get());
        if (params.first("From").isPresent()) filter = filter.from(params.first("From").get());
        if (params.first("ParentCallSid").isPresent()) filter = filter.parentCallSid(params.first("ParentCallSid").get());
        if (params.first("Status").isPresent()) filter = filter.status(status(params.first("Status").get()));
        ctx.json(ListPage.v2010(ctx, "calls", store.calls().list(accountSid, filter, ListPage.request(ctx)), CallView::of));
    }

    /**
     * {@code Status} ends the call (and wins over {@code Url}/{@code Twiml}); otherwise {@code Url} (or
     * {@code Twiml}) replaces the TwiML it runs. An update that changes nothing ({@code canceled} on an answered
     * call, {@code completed} on one that is over) answers with the call as it is, as Twilio does; a redirect of a
     * call that is over is refused with 21220.
     */
    private void update(Context ctx) {
        String accountSid = AccountPath.sid(ctx, directory);
        StoredCall call = required(ctx, accountSid);
        Params params = Params.of(ctx);
        FormRules.unsupported(params, UPDATE_UNSUPPORTED);
        Optional<String> status = params.first("Status").map(String::strip).filter(v -> !v.isEmpty());
        if (status.isPresent()) {
            CallStatus end = status(status.get());
            if (end != CallStatus.COMPLETED && end != CallStatus.CANCELED) {
                throw ApiException.badRequest("Invalid Status: " + status.get() + ", expected completed or canceled");
            }
            engine.end(call.sid(), end);
        } else {
            redirect(call, params);
        }
        ctx.json(CallView.of(required(ctx, accountSid)));
    }

    private void redirect(StoredCall call, Params params) {
        Optional<String> url = FormRules.url(params, "Url", 21205);
        Optional<String> twiml = params.first("Twiml").filter(v -> !v.isBlank());
        if (url.isEmpty() && twiml.isEmpty()) {
            throw ApiException.badRequest("Nothing to update: give Url, Twiml or Status");
        }
        TwimlSource source = url.<TwimlSource>map(u -> new TwimlSource.Url(u, CallCreate.method(params, "Method"),
                new dev.parley.engine.webhook.Params(), FormRules.url(params, "FallbackUrl", 21205),
                CallCreate.method(params, "FallbackMethod")))
            .orElseGet(() -> new TwimlSource.Inline(twiml.orElseThrow()));
        if (call.status().isFinal()) throw ApiException.invalidCallState("Call is not in-progress. Cannot redirect.");
        if (!engine.redirect(call.sid(), source)) {
            throw FormRules.notSupported("Redirecting a dialled leg (direction outbound-dial)");
        }
    }

    private void delete(Context ctx) {
        String accountSid = AccountPath.sid(ctx, directory);
        StoredCall call = required(ctx, accountSid);
        if (!call.status().isFinal() || engine.isLive(call.sid())) {
            throw new ApiException(400, 20009, "Cannot delete call " + call.sid() + ": it is "
                + call.status().value() + ". Delete a call once it is over.");
        }
        store.calls().delete(accountSid, call.sid());
        ctx.status(204);
    }

    private StoredCall required(Context ctx, String accountSid) {
        return store.calls().fetch(accountSid, ctx.pathParam("Sid")).orElseThrow(() -> ApiException.notFound(ctx.path()));
    }

    private static CallStatus status(String value) {
        try {
            return CallStatus.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid Status: " + Params.quoted(value));
        }
    }
}
