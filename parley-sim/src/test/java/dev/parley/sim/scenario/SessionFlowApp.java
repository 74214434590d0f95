package dev.parley.sim.scenario;

import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.sim.VirtualClock;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The app of one randomized session flow, in memory: {@code /t/v} the caller's document (a {@code <Connect>} with the
 * plan's {@code <Conversation>}), {@code /t/a} the action, {@code /t/w} the whisper (and {@code /t/ws} its Gather's
 * action), {@code /routing} the custom routing callback (which adds the worker later, or never), {@code /cb/s} and
 * {@code /cb/r} the status and recording callbacks. It fails as often as the plan says, and keeps every request with
 * the virtual time it arrived.
 */
final class SessionFlowApp implements InProcessTransport.App {

    static final String BASE = "http://app.test";
    static final String UNKNOWN_SERVICE = "IS0123456789abcdef0123456789abcdef";

    private final SessionFlowPlan plan;
    private final VirtualClock clock;
    private final List<AppRequest> log = new CopyOnWriteArrayList<>();
    private volatile Frontline frontline;
    private volatile String serviceSid;

    SessionFlowApp(SessionFlowPlan plan, VirtualClock clock) {
        this.plan = plan;
        this.clock = clock;
    }

    /** What custom routing adds a worker to. */
    void routesIn(Frontline routed, String service) {
        this.frontline = routed;
        this.serviceSid = service;
    }

    List<AppRequest> log() {
        return List.copyOf(log);
    }

    @Override
    public InProcessTransport.Answer answer(String method, String path, Map<String, String> params, boolean signatureValid) {
        log.add(new AppRequest(clock.now(), method, path, Map.copyOf(params), signatureValid));
        boolean fails = random(path + "|" + params.get("SequenceNumber") + "|" + params.get("RecordingStatus")).nextInt(100)
            < plan.failPercent();
        return switch (path) {
            case "/t/v" -> InProcessTransport.Answer.twiml(document(params));
            case "/t/a" -> fails ? InProcessTransport.Answer.of(500)
                : InProcessTransport.Answer.twiml("<Response><Say>after the session</Say></Response>");
            case "/t/w" -> whisper();
            case "/t/ws" -> InProcessTransport.Answer.twiml("<Response/>");
            case "/routing" -> fails ? InProcessTransport.Answer.of(500) : route(params);
            case "/cb/s", "/cb/r" -> InProcessTransport.Answer.of(fails ? 500 : 204);
            default -> InProcessTransport.Answer.of(404);
        };
    }

    private String document(Map<String, String> params) {
        String service = plan.setup() == SessionFlowPlan.Setup.UNKNOWN_SERVICE ? UNKNOWN_SERVICE : serviceSid;
        StringBuilder xml = new StringBuilder("<Response>");
        if (plan.before()) xml.append("<Say>welcome to the company</Say>");
        xml.append("<Connect").append(plan.action() ? " action=\"/t/a\"" : "").append('>');
        xml.append("<Conversation serviceInstanceSid=\"").append(service).append("\" inboundTimeout=\"")
            .append(plan.inboundTimeout()).append("\" routingAssignmentTimeout=\"").append(plan.routingAssignmentTimeout())
            .append("\" record=\"").append(plan.record()).append("\" trim=\"")
            .append(plan.trim() ? "trim-silence" : "do-not-trim").append("\" recordingStatusCallback=\"").append(BASE)
            .append("/cb/r\" recordingStatusCallbackEvent=\"in-progress completed absent\"");
        if (plan.setup() == SessionFlowPlan.Setup.NO_AUTOCREATE) xml.append(" inboundAutocreation=\"false\"");
        if (plan.whisper() != SessionFlowPlan.WhisperPlan.NONE) xml.append(" url=\"/t/w\"");
        if (!plan.statusEvents().isEmpty()) {
            xml.append(" statusCallback=\"/cb/s\" statusCallbackEvent=\"").append(String.join(" ", plan.statusEvents()))
                .append('"');
        }
        xml.append("/></Connect>");
        if (plan.after()) xml.append("<Say>after the connect</Say>");
        return xml.append("</Response>").toString();
    }

    private InProcessTransport.Answer whisper() {
        return switch (plan.whisper()) {
            case SAY -> InProcessTransport.Answer.twiml("<Response><Say>a customer for you</Say></Response>");
            case HANGUP -> InProcessTransport.Answer.twiml("<Response><Hangup/></Response>");
            case FAIL -> InProcessTransport.Answer.of(500);
            case SCREEN -> InProcessTransport.Answer.twiml("<Response><Gather numDigits=\"1\" action=\"/t/ws\" "
                + "timeout=\"3\"><Say>press a key to accept</Say></Gather><Hangup/></Response>");
            case NONE -> InProcessTransport.Answer.of(404);
        };
    }

    /** Custom routing: answers at once and adds the worker {@code routeAfterSeconds} later (never when negative). */
    private InProcessTransport.Answer route(Map<String, String> params) {
        if (plan.routeAfterSeconds() >= 0) {
            clock.schedule(clock.now().plusSeconds(plan.routeAfterSeconds()), () -> frontline.participants().add(
                params.get("AccountSid"), serviceSid, params.get("ConversationSid"),
                ParticipantParams.chat(plan.routing() == SessionFlowPlan.RoutingPlan.CUSTOM_STRANGER ? "stranger"
                    : SessionFlowRunner.ALICE)));
        }
        return InProcessTransport.Answer.of(200);
    }

    private SplittableRandom random(String key) {
        long h = plan.seed() * 0x9E3779B97F4A7C15L + key.hashCode();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return new SplittableRandom(h ^ (h >>> 33));
    }
}
