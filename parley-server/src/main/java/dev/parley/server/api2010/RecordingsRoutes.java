package dev.parley.server.api2010;

import dev.parley.engine.account.Directory;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.store.MediaStore;
import dev.parley.engine.store.RecordingFilter;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoredRecording;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.ListPage;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code /2010-04-01/Accounts/{AccountSid}/Recordings} (list with {@code CallSid}, {@code ConferenceSid} and
 * {@code DateCreated} filters, fetch, delete, media) and a call's own, {@code …/Calls/{CallSid}/Recordings} (list,
 * fetch, delete). Deleting removes the recording and its media.
 */
final class RecordingsRoutes implements Routes {

    private static final String RECORDINGS = AccountPath.route("/Recordings");
    private static final String CALL_RECORDINGS = AccountPath.route("/Calls/{CallSid}/Recordings");
    private static final String JSON = ".json";

    private final Directory directory;
    private final Store store;
    private final MediaStore media;
    private final CallEngine engine;
    private final String baseUrl;

    RecordingsRoutes(Directory directory, Store store, MediaStore media, CallEngine engine) {
        this.directory = directory;
        this.store = store;
        this.media = media;
        this.engine = engine;
        this.baseUrl = engine.baseUrl();
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.get(RECORDINGS + JSON, this::list);
        routing.get(RECORDINGS + "/{File}", this::fetch);
        routing.delete(RECORDINGS + "/{File}", ctx -> delete(ctx, resource(ctx, "File")));
        routing.get(CALL_RECORDINGS + JSON, this::listOfCall);
        routing.get(CALL_RECORDINGS + "/{Sid}" + JSON,
            ctx -> ctx.json(CallRecordingView.of(ofCall(ctx, AccountPath.sid(ctx, directory)))));
        routing.delete(CALL_RECORDINGS + "/{Sid}" + JSON, ctx -> delete(ctx, ofCall(ctx, AccountPath.sid(ctx, directory))));
    }

    private void list(Context ctx) {
        String accountSid = AccountPath.sid(ctx, directory);
        Params params = Params.of(ctx.queryParamMap());
        RecordingFilter filter = RecordingFilter.ALL.dateCreated(DateFilter.of(params, "DateCreated"));
        if (params.first("CallSid").isPresent()) filter = filter.callSid(params.first("CallSid").get());
        if (params.first("ConferenceSid").isPresent()) filter = filter.conferenceSid(params.first("ConferenceSid").get());
        ctx.json(ListPage.v2010(ctx, "recordings", store.recordings().list(accountSid, filter, ListPage.request(ctx)),
            r -> RecordingView.of(r, baseUrl)));
    }

    /** {@code RE….json} is the recording; {@code RE…}, {@code RE….wav} and {@code RE….mp3} its media. */
    private void fetch(Context ctx) {
        if (RecordingMedia.isMediaPath(ctx.path())) {
            String accountSid = ctx.pathParam(AccountPath.PARAM);
            String sid = ctx.pathParam("File").replaceFirst("\\.(wav|mp3)$", "");
            byte[] wav = media.get(accountSid, sid).orElseThrow(() -> ApiException.notFound(ctx.path()));
            RecordingMedia.send(ctx, RecordingMedia.format(ctx), wav);
            return;
        }
        ctx.json(RecordingView.of(resource(ctx, "File"), baseUrl));
    }

    private void listOfCall(Context ctx) {
        String accountSid = AccountPath.sid(ctx, directory);
        String callSid = call(ctx, accountSid);
        Params params = Params.of(ctx.queryParamMap());
        RecordingFilter filter = RecordingFilter.ALL.callSid(callSid).dateCreated(DateFilter.of(params, "DateCreated"));
        ctx.json(ListPage.v2010(ctx, "recordings", store.recordings().list(accountSid, filter, ListPage.request(ctx)),
            CallRecordingView::of));
    }

    private void delete(Context ctx, StoredRecording recording) {
        engine.recordings().delete(recording.sid());
        ctx.status(204);
    }

    /** The recording that {@code {param}} names as {@code RE….json}. */
    private StoredRecording resource(Context ctx, String param) {
        String accountSid = AccountPath.sid(ctx, directory);
        String file = ctx.pathParam(param);
        if (!file.endsWith(JSON)) throw ApiException.notFound(ctx.path());
        return store.recordings().fetch(accountSid, file.substring(0, file.length() - JSON.length()))
            .orElseThrow(() -> ApiException.notFound(ctx.path()));
    }

    private StoredRecording ofCall(Context ctx, String accountSid) {
        String callSid = call(ctx, accountSid);
        return store.recordings().fetch(accountSid, ctx.pathParam("Sid"))
            .filter(r -> r.callSid().map(callSid::equals).orElse(false))
            .orElseThrow(() -> ApiException.notFound(ctx.path()));
    }

    /** The call in the path, which must be the account's. */
    private String call(Context ctx, String accountSid) {
        return store.calls().fetch(accountSid, ctx.pathParam("CallSid")).orElseThrow(() -> ApiException.notFound(ctx.path()))
            .sid();
    }
}
