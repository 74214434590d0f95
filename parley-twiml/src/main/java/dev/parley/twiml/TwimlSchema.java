package dev.parley.twiml;

import static dev.parley.twiml.AttributeType.ABSOLUTE_URL;
import static dev.parley.twiml.AttributeType.BOOLEAN;
import static dev.parley.twiml.AttributeType.INTEGER;
import static dev.parley.twiml.AttributeType.METHOD;
import static dev.parley.twiml.AttributeType.TEXT;
import static dev.parley.twiml.AttributeType.URL;
import static dev.parley.twiml.AttributeType.listOf;
import static dev.parley.twiml.AttributeType.matching;
import static dev.parley.twiml.AttributeType.oneOf;

import dev.parley.twiml.ElementSpec.Body;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TwiML for Voice as Parley reads it: every element, its attributes with Twilio's names, types, allowed values
 * and defaults (reference §1.2–1.4 and §8), and what nests in what. The single place these rules live.
 */
final class TwimlSchema {

    private TwimlSchema() {
    }

    private static final AttributeType RECORD_MODES = oneOf("do-not-record", "record-from-answer",
        "record-from-ringing", "record-from-answer-dual", "record-from-ringing-dual", "true", "false");
    private static final AttributeType TRIM = oneOf("trim-silence", "do-not-trim");
    private static final AttributeType RECORDING_EVENTS = listOf("in-progress", "completed", "absent");
    private static final AttributeType CALL_EVENTS = listOf("initiated", "ringing", "answered", "completed");
    private static final AttributeType DIGITS = matching("[0-9wW#*]{1,32}", "up to 32 of 0-9 # * w W");
    private static final AttributeType RING_TONES = oneOf("at", "au", "bg", "br", "be", "ch", "cl", "cn", "cz",
        "de", "dk", "ee", "es", "fi", "fr", "gr", "hu", "il", "in", "it", "lt", "jp", "mx", "my", "nl", "no", "nz",
        "ph", "pl", "pt", "ru", "se", "sg", "th", "uk", "us", "us-old", "tw", "ve", "za");

    static final ElementSpec SAY = element("Say", Body.OPTIONAL, (a, c, t) -> new Say(a, t),
        attr("voice", TEXT, null), attr("loop", INTEGER, 1), attr("language", TEXT, null));

    static final ElementSpec PLAY = element("Play", Body.OPTIONAL, (a, c, t) -> new Play(a, t),
        attr("loop", INTEGER, 1), attr("digits", DIGITS, null));

    static final ElementSpec PAUSE = element("Pause", Body.NONE, (a, c, t) -> new Pause(a),
        attr("length", INTEGER, 1));

    static final ElementSpec GATHER = element("Gather", Body.NONE, (a, c, t) -> new Gather(a, cast(c)),
        attr("input", listOf("dtmf", "speech"), List.of("dtmf")),
        attr("action", URL, null), attr("method", METHOD, HttpMethod.POST), attr("timeout", INTEGER, 5),
        attr("speechTimeout", matching("auto|[0-9]{1,9}", "auto or a whole number"), null),
        attr("maxSpeechTime", INTEGER, 60), attr("profanityFilter", BOOLEAN, true),
        attr("finishOnKey", matching("[0-9#*]?", "one of 0-9 # * or empty"), "#"),
        attr("numDigits", INTEGER, null), attr("partialResultCallback", URL, null),
        attr("partialResultCallbackMethod", METHOD, HttpMethod.POST), attr("language", TEXT, "en-US"),
        attr("hints", TEXT, null), attr("bargeIn", BOOLEAN, true), attr("debug", BOOLEAN, false),
        attr("actionOnEmptyResult", BOOLEAN, false), attr("speechModel", TEXT, null),
        attr("enhanced", BOOLEAN, false))
        .nests(SAY, PLAY, PAUSE);

    static final ElementSpec RECORD = element("Record", Body.NONE, (a, c, t) -> new Record(a),
        attr("action", URL, null), attr("method", METHOD, HttpMethod.POST), attr("timeout", INTEGER, 5),
        attr("finishOnKey", matching("[0-9#*]*", "any of 0-9 # *"), "1234567890*#"),
        attr("maxLength", INTEGER, 3600), attr("playBeep", BOOLEAN, true), attr("trim", TRIM, "trim-silence"),
        attr("recordingStatusCallback", URL, null),
        attr("recordingStatusCallbackMethod", METHOD, HttpMethod.POST),
        attr("recordingStatusCallbackEvent", RECORDING_EVENTS, List.of("completed")),
        attr("transcribe", BOOLEAN, false), attr("transcribeCallback", URL, null),
        attr("recordingConfigurationId", TEXT, null));

    static final ElementSpec PARAMETER = element("Parameter", Body.NONE, (a, c, t) -> new Parameter(a),
        attr("name", TEXT, null), attr("value", TEXT, null));

    static final ElementSpec HANGUP = element("Hangup", Body.NONE, (a, c, t) -> new Hangup(a, cast(c)))
        .nests(PARAMETER);

    static final ElementSpec REDIRECT = element("Redirect", Body.REQUIRED, (a, c, t) -> new Redirect(a, t),
        attr("method", METHOD, HttpMethod.POST));

    static final ElementSpec REJECT = element("Reject", Body.NONE, (a, c, t) -> new Reject(a, cast(c)),
        attr("reason", oneOf("rejected", "busy"), "rejected"))
        .nests(PARAMETER);

    private static final AttributeSpec[] DIAL_TARGET = {
        attr("url", URL, null), attr("method", METHOD, HttpMethod.POST),
        attr("statusCallbackEvent", CALL_EVENTS, List.of("completed")), attr("statusCallback", URL, null),
        attr("statusCallbackMethod", METHOD, HttpMethod.POST)};

    private static final AttributeSpec[] MACHINE_DETECTION = {
        attr("machineDetection", oneOf("Enable", "DetectMessageEnd"), null),
        attr("amdStatusCallbackMethod", METHOD, HttpMethod.POST), attr("amdStatusCallback", URL, null),
        attr("machineDetectionTimeout", INTEGER, 30), attr("machineDetectionSpeechThreshold", INTEGER, 2400),
        attr("machineDetectionSpeechEndThreshold", INTEGER, 1200),
        attr("machineDetectionSilenceTimeout", INTEGER, 5000)};

    static final ElementSpec NUMBER = element("Number", Body.REQUIRED, (a, c, t) -> new Number(a, t),
        concat(new AttributeSpec[] {attr("sendDigits", DIGITS, null)}, DIAL_TARGET,
            new AttributeSpec[] {attr("byoc", TEXT, null)}, MACHINE_DETECTION));

    /** {@code <Identity>} is read into its {@link Client}; it has no model type of its own. */
    static final ElementSpec IDENTITY = element("Identity", Body.REQUIRED, (a, c, t) -> new Identity(t));

    static final ElementSpec CLIENT = element("Client", Body.OPTIONAL, TwimlSchema::client, DIAL_TARGET)
        .nests(IDENTITY, PARAMETER);

    static final ElementSpec SIP = element("Sip", Body.REQUIRED, (a, c, t) -> new Sip(a, t),
        concat(new AttributeSpec[] {attr("username", TEXT, null), attr("password", TEXT, null)}, DIAL_TARGET,
            MACHINE_DETECTION));

    static final ElementSpec DIAL = element("Dial", Body.OPTIONAL, TwimlSchema::dial,
        attr("action", URL, null), attr("method", METHOD, HttpMethod.POST), attr("timeout", INTEGER, 30),
        attr("hangupOnStar", BOOLEAN, false), attr("timeLimit", INTEGER, 14400), attr("callerId", TEXT, null),
        attr("record", RECORD_MODES, "do-not-record"), attr("trim", TRIM, "trim-silence"),
        attr("recordingStatusCallback", URL, null), attr("recordingConfigurationId", TEXT, null),
        attr("recordingStatusCallbackMethod", METHOD, HttpMethod.POST),
        attr("recordingStatusCallbackEvent", RECORDING_EVENTS, List.of("completed")),
        attr("answerOnBridge", BOOLEAN, false), attr("ringTone", RING_TONES, null),
        attr("recordingTrack", oneOf("both", "inbound", "outbound"), "both"), attr("sequential", BOOLEAN, false),
        attr("referUrl", URL, null), attr("referMethod", METHOD, HttpMethod.POST),
        attr("events", oneOf("call-progress-event"), null), attr("passports", TEXT, null))
        .nests(NUMBER, CLIENT, SIP);

    static final ElementSpec CONVERSATION = element("Conversation", Body.NONE, (a, c, t) -> new Conversation(a),
        attr("serviceInstanceSid", matching("IS[0-9a-zA-Z]{32}", "a Conversations Service SID (IS + 32 characters)"), null),
        attr("inboundAutocreation", BOOLEAN, true), attr("routingAssignmentTimeout", INTEGER, 5),
        attr("inboundTimeout", INTEGER, 60), attr("url", URL, null), attr("method", METHOD, HttpMethod.POST),
        attr("record", RECORD_MODES, "do-not-record"), attr("trim", TRIM, "do-not-trim"),
        attr("recordingStatusCallback", ABSOLUTE_URL, null),
        attr("recordingStatusCallbackMethod", METHOD, HttpMethod.POST),
        attr("recordingStatusCallbackEvent", RECORDING_EVENTS, List.of("completed", "absent")),
        attr("statusCallback", URL, null), attr("statusCallbackMethod", METHOD, HttpMethod.POST),
        attr("statusCallbackEvent", listOf("call-initiated", "call-ringing", "call-answered", "call-completed"),
            List.of("call-completed")))
        .attributeError(TwimlError.CONVERSATION_ATTRIBUTES)
        .requires("serviceInstanceSid");

    static final ElementSpec CONNECT = element("Connect", Body.NONE, TwimlSchema::connect,
        attr("action", URL, null), attr("method", METHOD, HttpMethod.POST))
        .nests(CONVERSATION);

    static final ElementSpec RESPONSE = element("Response", Body.NONE, (a, c, t) -> new VoiceResponse(cast(c)))
        .nests(SAY, PLAY, PAUSE, GATHER, RECORD, HANGUP, REDIRECT, REJECT, DIAL, CONNECT);

    private static final Map<String, ElementSpec> BY_NAME = new HashMap<>();

    static {
        for (ElementSpec spec : List.of(SAY, PLAY, PAUSE, GATHER, RECORD, PARAMETER, HANGUP, REDIRECT, REJECT,
            NUMBER, IDENTITY, CLIENT, SIP, DIAL, CONVERSATION, CONNECT, RESPONSE)) {
            BY_NAME.put(spec.name, spec);
        }
    }

    /**
     * Elements that are TwiML at Twilio but that Parley does not run yet: reported as 12200 with a message
     * that says so rather than "unknown".
     */
    static final Set<String> NOT_SUPPORTED = Set.of("Enqueue", "Leave", "Queue", "Conference", "Echo", "Pay",
        "Prompt", "Sms", "Start", "Stop", "Refer", "Room", "Stream", "VirtualAgent", "ConversationRelay",
        "Autopilot", "Siprec", "Sim", "Application", "WhatsApp", "Uri", "Headers", "AiSession",
        "ConversationRelaySession", "Assistant", "Transcription", "Recording", "Config", "Task", "break",
        "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub", "w");

    /** The element of that exact (case-sensitive) name, or null. */
    static ElementSpec lookup(String name) {
        return BY_NAME.get(name);
    }

    /** The text of {@code <Identity>} on its way into a {@link Client}. */
    record Identity(String identity) {
    }

    private static Object client(Attributes attributes, List<Object> children, String text) {
        String identity = text;
        List<Parameter> parameters = new ArrayList<>();
        for (Object child : children) {
            if (child instanceof Identity id) {
                identity = id.identity();
            } else {
                parameters.add((Parameter) child);
            }
        }
        return new Client(attributes, identity, parameters);
    }

    private static Object dial(Attributes attributes, List<Object> children, String text) {
        List<DialTarget> targets = new ArrayList<>(children.size() + 1);
        if (!text.isEmpty()) {
            targets.add(new Number(Attributes.none(NUMBER), text));
        }
        targets.addAll(cast(children));
        return new Dial(attributes, targets);
    }

    private static Object connect(Attributes attributes, List<Object> children, String text) {
        return children.isEmpty() ? null : new Connect(attributes, (Conversation) children.get(0));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<Object> children) {
        return (List<T>) (List<?>) children;
    }

    private static AttributeSpec attr(String name, AttributeType type, Object defaultValue) {
        return new AttributeSpec(name, type, defaultValue);
    }

    private static AttributeSpec[] concat(AttributeSpec[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(AttributeSpec[]::new);
    }

    private static ElementSpec element(String name, Body body, ElementSpec.Factory factory, AttributeSpec... attributes) {
        return new ElementSpec(name, List.of(attributes), List.of(), body, TwimlError.SCHEMA_VALIDATION, Set.of(), factory);
    }
}
