package dev.parley.server.demo;

import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.WebhookSignature;
import dev.parley.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's voice app, served by Parley itself under {@link #BASE} as any app would serve it: Parley's requests
 * reach it over HTTP, signed, and it checks {@code X-Twilio-Signature} with the account's auth token (403
 * otherwise), so these paths take no Basic auth.
 * <ul>
 *   <li>{@code POST voice}: a greeting, then {@code <Connect action="after-connect"><Conversation>} on the demo
 *       service, recorded, with status callbacks</li>
 *   <li>{@code POST after-connect}: {@code Result=dialed-call-incomplete} (the worker did not answer:
 *       {@code DialCallStatus} busy, no-answer, failed or canceled) takes a voicemail with {@code <Record>};
 *       any other result says goodbye</li>
 *   <li>{@code POST voicemail}: thanks the caller and hangs up</li>
 *   <li>{@code POST status}, {@code POST recording-status}: callbacks, logged and answered 204</li>
 * </ul>
 */
public final class DemoApp implements Routes {

    public static final String BASE = "/parley/demo";
    public static final String VOICE = BASE + "/voice";
    static final String AFTER_CONNECT = BASE + "/after-connect";
    static final String VOICEMAIL = BASE + "/voicemail";
    static final String STATUS = BASE + "/status";
    static final String RECORDING_STATUS = BASE + "/recording-status";

    private static final Logger LOG = LoggerFactory.getLogger("parley.demo");

    private final String authToken;
    private final AtomicReference<Optional<Demo>> demo = new AtomicReference<>(Optional.empty());

    public DemoApp(String authToken) {
        this.authToken = authToken;
    }

    /** Whether a request path is the demo app's (which authenticates by signature, not Basic auth). */
    public static boolean owns(String path) {
        return path.startsWith(BASE + "/");
    }

    /** Starts answering for the demo once it is set up (503 before). */
    public void serve(Demo set) {
        demo.set(Optional.of(set));
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.post(VOICE, ctx -> twiml(ctx, this::voice));
        routing.post(AFTER_CONNECT, ctx -> twiml(ctx, this::afterConnect));
        routing.post(VOICEMAIL, ctx -> twiml(ctx, p -> "<Response><Say>Thank you, goodbye.</Say><Hangup/></Response>"));
        routing.post(STATUS, ctx -> callback(ctx, "conversation status"));
        routing.post(RECORDING_STATUS, ctx -> callback(ctx, "recording status"));
    }

    /** The absolute URL of a path of this app ({@code <Conversation>} takes no relative callback URLs). */
    private String url(String path) {
        return demo.get().orElseThrow().url() + path;
    }

    private String voice(Params params) {
        return "<Response><Say>Thanks for calling the Parley demo.</Say>"
            + "<Connect action=\"" + url(AFTER_CONNECT) + "\"><Conversation serviceInstanceSid=\""
            + demo.get().orElseThrow().serviceSid()
            + "\" record=\"record-from-answer-dual\" recordingStatusCallback=\"" + url(RECORDING_STATUS)
            + "\" statusCallback=\"" + url(STATUS) + "\" statusCallbackEvent=\"call-initiated call-ringing call-answered "
            + "call-completed\"/></Connect></Response>";
    }

    private String afterConnect(Params params) {
        if (params.get("Result").orElse("").equals("dialed-call-incomplete")) {
            String why = params.get("DialCallStatus").orElse("").equals("busy") ? "Your agent is busy."
                : "Your agent did not answer.";
            return "<Response><Say>" + why + " Please leave a message after the tone.</Say><Record action=\"" + url(VOICEMAIL)
                + "\" timeout=\"2\" maxLength=\"30\" recordingStatusCallback=\"" + url(RECORDING_STATUS)
                + "\"/></Response>";
        }
        return "<Response><Say>Thank you for calling. Goodbye.</Say><Hangup/></Response>";
    }

    private void twiml(Context ctx, Function<Params, String> document) {
        signed(ctx).ifPresent(params -> ctx.contentType("text/xml").result(document.apply(params)));
    }

    private void callback(Context ctx, String what) {
        signed(ctx).ifPresent(params -> {
            LOG.atInfo().addKeyValue("event", "demo." + what.replace(' ', '.'))
                .addKeyValue("call_sid", params.get("CallSid").orElse(""))
                .log("demo app: {} {}", what, params.get("Status").or(() -> params.get("RecordingStatus")).orElse(""));
            ctx.status(204);
        });
    }

    /** The form parameters of a request Parley signed for this account; else answers 403 (or 503 before set-up). */
    private Optional<Params> signed(Context ctx) {
        if (demo.get().isEmpty()) {
            ctx.status(503);
            return Optional.empty();
        }
        Params params = Params.parseForm(ctx.body());
        String expected = WebhookSignature.sign(authToken, ctx.fullUrl(), params);
        String given = Optional.ofNullable(ctx.header(WebhookSignature.HEADER)).orElse("");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(403);
            return Optional.empty();
        }
        return Optional.of(params);
    }
}
