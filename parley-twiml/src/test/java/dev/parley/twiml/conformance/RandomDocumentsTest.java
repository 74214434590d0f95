package dev.parley.twiml.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.twiml.ParseResult;
import dev.parley.twiml.TwimlNode;
import dev.parley.twiml.TwimlParser;
import dev.parley.twiml.TwimlWriter;
import dev.parley.twiml.VoiceResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random documents built side by side with twilio-java 13.0.1 and with Parley (see {@link TwinGenerator}):
 * what twilio-java writes must read, without findings, into the document Parley built, and Parley's own
 * compact and pretty XML must read back into the same document.
 *
 * <p>Reproduce a failure with {@code -Dparley.conformance.seed=<seed>} (and {@code
 * -Dparley.conformance.documents=<n>}); a failure message names the seed, the document's index and its own
 * seed, which {@code -Dparley.conformance.documentSeed=<seed>} replays alone.
 */
class RandomDocumentsTest {

    private static final long DEFAULT_SEED = 0x7A11_E7_C0_FFEEL;
    private static final int DEFAULT_DOCUMENTS = 3_000;

    @Test
    void twilioJavaAndParleyBuildTheSameDocuments() {
        Map<String, Integer> features = new TreeMap<>();
        Coverage coverage = new Coverage();
        Long documentSeed = Long.getLong("parley.conformance.documentSeed");
        if (documentSeed != null) {
            check(new TwinGenerator(new SplittableRandom(documentSeed), features).document(),
                "document seed " + documentSeed);
            return;
        }
        long seed = Long.getLong("parley.conformance.seed", DEFAULT_SEED);
        int documents = Integer.getInteger("parley.conformance.documents", DEFAULT_DOCUMENTS);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < documents; i++) {
            long own = seeds.nextLong();
            var twin = new TwinGenerator(new SplittableRandom(own), features).document();
            check(twin, "seed " + seed + ", document " + i + " (-Dparley.conformance.documentSeed=" + own + ")");
            coverage.add(twin.parley());
        }
        if (seed == DEFAULT_SEED && documents >= DEFAULT_DOCUMENTS) {
            coverage.assertComplete();
            assertThat(features.keySet()).as("structures generated").containsAll(EXPECTED_FEATURES);
        }
    }

    private static void check(TwinGenerator.Twin<com.twilio.twiml.VoiceResponse, VoiceResponse> twin, String where) {
        VoiceResponse model = twin.parley();
        String twilioXml = twin.twilio().toXml();
        Conformance.assertParsesTo("twilio-java, " + where, twilioXml, model);

        String compact = model.toXml();
        Conformance.assertParsesTo("Parley, " + where, compact, model);

        String pretty = TwimlWriter.writePretty(model);
        Conformance.assertParsesTo("Parley (pretty), " + where, pretty, model);

        // Strict mode (12200 as errors) finds nothing in twilio-java's XML either.
        ParseResult strict = TwimlParser.strict().parse(twilioXml);
        assertThat(strict.findings()).as("strict findings for twilio-java, %s:%n%s", where, twilioXml).isEmpty();
    }

    // ---------------------------------------------------------------- coverage

    /** Structures of {@link TwinGenerator} the default run must have produced at least once. */
    private static final List<String> EXPECTED_FEATURES = List.of("empty <Response>", "<Say> without text",
        "<Play digits> without URL", "<Gather><Say>", "<Gather><Play>", "<Gather><Pause>",
        "<Gather finishOnKey=\"\">", "<Record finishOnKey=\"\">", "<Hangup><Parameter>", "<Reject><Parameter>",
        "<Dial> with a bare number", "<Dial> with a bare number and nouns", "<Number>", "<Sip>",
        "<Client><Identity>", "<Client> with its identity as text", "<Client><Parameter>",
        "<Client><Parameter> before <Identity>");

    /**
     * Every attribute twilio-java 13.0.1 writes for the verbs and nouns Parley models (the keys of each
     * {@code getElementAttributes()}), which the default run must have set at least once.
     */
    private static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
        Map.entry("Say", Set.of("voice", "loop", "language")),
        Map.entry("Play", Set.of("loop", "digits")),
        Map.entry("Pause", Set.of("length")),
        Map.entry("Gather", Set.of("input", "action", "method", "timeout", "speechTimeout", "maxSpeechTime",
            "profanityFilter", "finishOnKey", "numDigits", "partialResultCallback", "partialResultCallbackMethod",
            "language", "hints", "bargeIn", "debug", "actionOnEmptyResult", "speechModel", "enhanced")),
        Map.entry("Record", Set.of("action", "method", "timeout", "finishOnKey", "maxLength", "playBeep", "trim",
            "recordingStatusCallback", "recordingStatusCallbackMethod", "recordingStatusCallbackEvent", "transcribe",
            "transcribeCallback", "recordingConfigurationId")),
        Map.entry("Redirect", Set.of("method")),
        Map.entry("Reject", Set.of("reason")),
        Map.entry("Parameter", Set.of("name", "value")),
        Map.entry("Dial", Set.of("action", "method", "timeout", "hangupOnStar", "timeLimit", "callerId", "record",
            "trim", "recordingStatusCallback", "recordingConfigurationId", "recordingStatusCallbackMethod",
            "recordingStatusCallbackEvent", "answerOnBridge", "ringTone", "recordingTrack", "sequential", "referUrl",
            "referMethod", "events", "passports")),
        Map.entry("Number", Set.of("sendDigits", "url", "method", "statusCallbackEvent", "statusCallback",
            "statusCallbackMethod", "byoc", "machineDetection", "amdStatusCallbackMethod", "amdStatusCallback",
            "machineDetectionTimeout", "machineDetectionSpeechThreshold", "machineDetectionSpeechEndThreshold",
            "machineDetectionSilenceTimeout")),
        Map.entry("Client", Set.of("url", "method", "statusCallbackEvent", "statusCallback", "statusCallbackMethod")),
        Map.entry("Sip", Set.of("username", "password", "url", "method", "statusCallbackEvent", "statusCallback",
            "statusCallbackMethod", "machineDetection", "amdStatusCallbackMethod", "amdStatusCallback",
            "machineDetectionTimeout", "machineDetectionSpeechThreshold", "machineDetectionSpeechEndThreshold",
            "machineDetectionSilenceTimeout")),
        Map.entry("Connect", Set.of("action", "method")),
        Map.entry("Conversation", Set.of("serviceInstanceSid", "inboundAutocreation", "routingAssignmentTimeout",
            "inboundTimeout", "url", "method", "record", "trim", "recordingStatusCallback",
            "recordingStatusCallbackMethod", "recordingStatusCallbackEvent", "statusCallback", "statusCallbackMethod",
            "statusCallbackEvent")));

    /** Every value of twilio-java's enums for the enumerated attributes, which the default run must have used. */
    private static final Map<String, Set<String>> VALUES = Map.ofEntries(
        values("Gather.input", com.twilio.twiml.voice.Gather.Input.values()),
        values("Record.trim", com.twilio.twiml.voice.Record.Trim.values()),
        values("Record.recordingStatusCallbackEvent", com.twilio.twiml.voice.Record.RecordingEvent.values()),
        values("Reject.reason", com.twilio.twiml.voice.Reject.Reason.values()),
        values("Dial.record", com.twilio.twiml.voice.Dial.Record.values()),
        values("Dial.trim", com.twilio.twiml.voice.Dial.Trim.values()),
        values("Dial.recordingStatusCallbackEvent", com.twilio.twiml.voice.Dial.RecordingEvent.values()),
        values("Dial.ringTone", com.twilio.twiml.voice.Dial.RingTone.values()),
        values("Dial.recordingTrack", com.twilio.twiml.voice.Dial.RecordingTrack.values()),
        values("Dial.events", com.twilio.twiml.voice.Dial.Events.values()),
        values("Number.statusCallbackEvent", com.twilio.twiml.voice.Number.Event.values()),
        values("Client.statusCallbackEvent", com.twilio.twiml.voice.Client.Event.values()),
        values("Sip.statusCallbackEvent", com.twilio.twiml.voice.Sip.Event.values()),
        values("Conversation.record", com.twilio.twiml.voice.Conversation.Record.values()),
        values("Conversation.trim", com.twilio.twiml.voice.Conversation.Trim.values()),
        values("Conversation.recordingStatusCallbackEvent",
            com.twilio.twiml.voice.Conversation.RecordingEvent.values()),
        values("Conversation.statusCallbackEvent", com.twilio.twiml.voice.Conversation.Event.values()),
        Map.entry("Number.machineDetection", Set.of("Enable", "DetectMessageEnd")),
        Map.entry("Sip.machineDetection", Set.of("Enable", "DetectMessageEnd")));

    private static Map.Entry<String, Set<String>> values(String attribute, Enum<?>[] values) {
        return Map.entry(attribute, Arrays.stream(values).map(Object::toString).collect(Collectors.toSet()));
    }

    /** The attributes and enumerated values the generated documents used, read off Parley's models. */
    private static final class Coverage {
        private final Map<String, Set<String>> attributes = new TreeMap<>();
        private final Map<String, Set<String>> values = new TreeMap<>();

        void add(TwimlNode node) {
            String element = node.name();
            node.attributes().asMap().forEach((name, value) -> {
                attributes.computeIfAbsent(element, e -> new TreeSet<>()).add(name);
                String key = element + "." + name;
                if (VALUES.containsKey(key)) {
                    Set<String> seen = values.computeIfAbsent(key, k -> new TreeSet<>());
                    if (value instanceof List<?> list) {
                        list.forEach(v -> seen.add(v.toString()));
                    } else {
                        seen.add(value.toString());
                    }
                }
            });
            for (TwimlNode child : node.children()) add(child);
        }

        void assertComplete() {
            ATTRIBUTES.forEach((element, expected) -> assertThat(attributes.getOrDefault(element, Set.of()))
                .as("attributes of <%s> the random documents set", element)
                .containsAll(expected));
            VALUES.forEach((attribute, expected) -> assertThat(values.getOrDefault(attribute, Set.of()))
                .as("values of %s the random documents used", attribute)
                .containsAll(expected));
        }
    }
}
