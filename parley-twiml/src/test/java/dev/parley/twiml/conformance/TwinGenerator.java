package dev.parley.twiml.conformance;

import dev.parley.twiml.CallEvent;
import dev.parley.twiml.Client;
import dev.parley.twiml.Connect;
import dev.parley.twiml.Conversation;
import dev.parley.twiml.Dial;
import dev.parley.twiml.Gather;
import dev.parley.twiml.Hangup;
import dev.parley.twiml.HttpMethod;
import dev.parley.twiml.Number;
import dev.parley.twiml.Parameter;
import dev.parley.twiml.Pause;
import dev.parley.twiml.Play;
import dev.parley.twiml.Record;
import dev.parley.twiml.RecordingEvent;
import dev.parley.twiml.Redirect;
import dev.parley.twiml.Reject;
import dev.parley.twiml.Say;
import dev.parley.twiml.Sip;
import dev.parley.twiml.Trim;
import dev.parley.twiml.TwimlValue;
import dev.parley.twiml.VoiceResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates one random TwiML document twice, with the same random choices: once with twilio-java's builders
 * and once with Parley's. Only values both libraries and Parley's schema accept are generated: methods GET and
 * POST, whole numbers 0…999,999,999, the values of twilio-java's enums, URLs that {@link URI} accepts (twilio-java
 * silently drops any other), and text without control characters or surrounding white space. Text and attribute
 * values are full of XML's special characters and of non-ASCII, to exercise escaping on both sides.
 *
 * <p>Two documents are built differently on purpose, because Parley reads them that way: a bare number in
 * {@code <Dial>} is a {@code <Number>} without attributes, and a {@code <Client>} with an {@code <Identity>}
 * child is the same as one with the identity as its text.
 */
final class TwinGenerator {

    /** The same element built by twilio-java and by Parley. */
    record Twin<T, P>(T twilio, P parley) {
    }

    private static final String[] WORDS = {
        "Hello", "press", "1", "or", "#", "to", "leave", "a", "message", "Thank you!",
        "R&D", "a<b", "b>a", "\"quoted\"", "it's", "'single'", "&amp;", "&lt;tag&gt;", "&#10;", "&#x26;", "&unknown;",
        "]]>", "<Say>", "</Response>", "<!--", "-->", "<![CDATA[x]]>", "<?xml?>", "a=\"1\"", "%20", "\\n",
        "café", "Grüße", "naïve", "Zoë", "ß", "½", "€100", "日本語", "音声", "Ωμέγα", "עברית", "مرحبا", "हिन्दी",
        "😀", "𝄞", "👩‍💻", "a\u00A0b", "x\u2028y", "\uFFFD", "\u200Bzero-width",
    };

    private static final String[] SEPARATORS = {" ", " ", " ", " ", "  ", ", ", " & ", "<>", "\"'"};

    private static final String[] ABSOLUTE_BASES = {
        "https://example.com", "http://localhost:8080", "https://api.example.org:8443/v1", "https://user:pw@example.net",
        "http://127.0.0.1", "https://xn--caf-dma.example", "HTTPS://EXAMPLE.COM",
    };

    private static final String[] PATHS = {
        "/twiml", "/twiml/next", "/voice/café", "/a'b/c", "/x;y=1", "/caf%C3%A9", "/日本/音声", "/-._~!$&'()*+,;=:@",
        "/a/./b/../c", "/",
    };

    private static final String[] RELATIVE_PATHS = {"next.xml", "../up/there", "./here", "twiml?x=1", "a'b", "é"};

    private static final String[] QUERIES = {
        "", "", "?a=1&b=2", "?q=it's&lang=日本語", "?empty=", "?x=%20&y=%26", "?a=1&amp=2", "?k=v;w", "?&&",
    };

    private static final String[] FRAGMENTS = {"", "", "", "#top", "#a&b", "#é"};

    private static final String[] IDENTITIES = {
        "alice", "bob", "agent_007", "Zoë", "o'brien", "bob&co", "<eve>", "user@example.com", "support-team", "工程师",
    };

    private static final String[] SIP_USERS = {"alice", "bob", "+15551234567", "o'brien", "ag%20ent", "zoë"};
    private static final String[] SIP_HOSTS = {"example.com", "sip.example.org:5061", "10.0.0.1", "[2001:db8::1]"};
    private static final String[] SIP_PARAMS = {"", "", ";transport=tls", ";transport=udp;lr", "?X-Tag=a&X-Other=b"};

    private static final String[] SPEECH_MODELS = {
        "default", "numbers_and_commands", "phone_call", "experimental_conversations", "googlev2_long",
        "deepgram_nova-2",
    };

    private static final String ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGIT_CHARS = "0123456789wW#*";
    private static final String KEYS = "0123456789#*";

    private static final double[] DENSITIES = {0.0, 0.15, 0.4, 0.6, 0.85, 1.0};

    private final SplittableRandom random;
    /** How likely each optional attribute is set in this document: some documents are bare, some are full. */
    private final double density;
    /** Counts of structural features seen, for the coverage check. */
    private final Map<String, Integer> features;

    TwinGenerator(SplittableRandom random, Map<String, Integer> features) {
        this.random = random;
        this.features = features;
        this.density = DENSITIES[random.nextInt(DENSITIES.length)];
    }

    // ---------------------------------------------------------------- document and verbs

    Twin<com.twilio.twiml.VoiceResponse, VoiceResponse> document() {
        var t = new com.twilio.twiml.VoiceResponse.Builder();
        var p = VoiceResponse.builder();
        int verbs = random.nextInt(20) == 0 ? 0 : random.nextInt(1, 7);
        if (verbs == 0) feature("empty <Response>");
        for (int i = 0; i < verbs; i++) {
            switch (random.nextInt(13)) {
                case 0 -> { var v = say(); t.say(v.twilio()); p.say(v.parley()); }
                case 1 -> { var v = play(); t.play(v.twilio()); p.play(v.parley()); }
                case 2 -> { var v = pause(); t.pause(v.twilio()); p.pause(v.parley()); }
                case 3, 4 -> { var v = gather(); t.gather(v.twilio()); p.gather(v.parley()); }
                case 5 -> { var v = record(); t.record(v.twilio()); p.record(v.parley()); }
                case 6 -> { var v = hangup(); t.hangup(v.twilio()); p.hangup(v.parley()); }
                case 7 -> { var v = redirect(); t.redirect(v.twilio()); p.redirect(v.parley()); }
                case 8 -> { var v = reject(); t.reject(v.twilio()); p.reject(v.parley()); }
                case 9, 10 -> { var v = dial(); t.dial(v.twilio()); p.dial(v.parley()); }
                default -> { var v = connect(); t.connect(v.twilio()); p.connect(v.parley()); }
            }
        }
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Say, Say> say() {
        String text = random.nextInt(25) == 0 ? "" : text();
        if (text.isEmpty()) feature("<Say> without text");
        var t = new com.twilio.twiml.voice.Say.Builder(text);
        var p = Say.builder(text);
        if (maybe()) {
            var voice = pick(com.twilio.twiml.voice.Say.Voice.values());
            t.voice(voice);
            p.voice(voice.toString());
        }
        if (maybe()) { int v = integer(); t.loop(v); p.loop(v); }
        if (maybe()) {
            var language = pick(com.twilio.twiml.voice.Say.Language.values());
            t.language(language);
            p.language(language.toString());
        }
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Play, Play> play() {
        boolean hasUrl = random.nextInt(4) != 0;
        String url = hasUrl ? url() : null;
        var t = hasUrl ? new com.twilio.twiml.voice.Play.Builder(url) : new com.twilio.twiml.voice.Play.Builder();
        var p = hasUrl ? Play.builder(url) : new Play.Builder();
        if (!hasUrl) feature("<Play digits> without URL");
        if (maybe()) { int v = integer(); t.loop(v); p.loop(v); }
        if (!hasUrl || maybe()) { String v = digits(); t.digits(v); p.digits(v); }
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Pause, Pause> pause() {
        var t = new com.twilio.twiml.voice.Pause.Builder();
        var p = Pause.builder();
        if (maybe()) { int v = integer(); t.length(v); p.length(v); }
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Gather, Gather> gather() {
        var t = new com.twilio.twiml.voice.Gather.Builder();
        var p = Gather.builder();
        if (maybe()) {
            var inputs = subset(com.twilio.twiml.voice.Gather.Input.values());
            if (inputs.size() == 1 && random.nextBoolean()) {
                t.inputs(inputs.get(0));
                p.inputs(same(Gather.Input.class, inputs.get(0)));
            } else {
                t.inputs(inputs);
                p.inputs(same(Gather.Input.class, inputs));
            }
        }
        if (maybe()) { String v = url(); t.action(v); p.action(v); }
        if (maybe()) { var v = method(); t.method(v); p.method(parley(v)); }
        if (maybe()) { int v = integer(); t.timeout(v); p.timeout(v); }
        if (maybe()) {
            String v = random.nextBoolean() ? "auto" : pick("0", "3", "007", "999999999", String.valueOf(integer()));
            t.speechTimeout(v);
            p.speechTimeout(v);
        }
        if (maybe()) { int v = integer(); t.maxSpeechTime(v); p.maxSpeechTime(v); }
        if (maybe()) { boolean v = random.nextBoolean(); t.profanityFilter(v); p.profanityFilter(v); }
        if (maybe()) {
            String v = random.nextInt(4) == 0 ? "" : String.valueOf(KEYS.charAt(random.nextInt(KEYS.length())));
            if (v.isEmpty()) feature("<Gather finishOnKey=\"\">");
            t.finishOnKey(v);
            p.finishOnKey(v);
        }
        if (maybe()) { int v = integer(); t.numDigits(v); p.numDigits(v); }
        if (maybe()) { String v = url(); t.partialResultCallback(v); p.partialResultCallback(v); }
        if (maybe()) { var v = method(); t.partialResultCallbackMethod(v); p.partialResultCallbackMethod(parley(v)); }
        if (maybe()) {
            var language = pick(com.twilio.twiml.voice.Gather.Language.values());
            t.language(language);
            p.language(language.toString());
        }
        if (maybe()) { String v = text(); t.hints(v); p.hints(v); }
        if (maybe()) { boolean v = random.nextBoolean(); t.bargeIn(v); p.bargeIn(v); }
        if (maybe()) { boolean v = random.nextBoolean(); t.debug(v); p.debug(v); }
        if (maybe()) { boolean v = random.nextBoolean(); t.actionOnEmptyResult(v); p.actionOnEmptyResult(v); }
        if (maybe()) { String v = pick(SPEECH_MODELS); t.speechModel(v); p.speechModel(v); }
        if (maybe()) { boolean v = random.nextBoolean(); t.enhanced(v); p.enhanced(v); }
        int prompts = random.nextInt(0, 4);
        for (int i = 0; i < prompts; i++) {
            switch (random.nextInt(3)) {
                case 0 -> { var v = say(); t.say(v.twilio()); p.say(v.parley()); feature("<Gather><Say>"); }
                case 1 -> { var v = play(); t.play(v.twilio()); p.play(v.parley()); feature("<Gather><Play>"); }
                default -> { var v = pause(); t.pause(v.twilio()); p.pause(v.parley()); feature("<Gather><Pause>"); }
            }
        }
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Record, Record> record() {
        var t = new com.twilio.twiml.voice.Record.Builder();
        var p = Record.builder();
        if (maybe()) { String v = url(); t.action(v); p.action(v); }
        if (maybe()) { var v = method(); t.method(v); p.method(parley(v)); }
        if (maybe()) { int v = integer(); t.timeout(v); p.timeout(v); }
        if (maybe()) {
            StringBuilder keys = new StringBuilder();
            int n = random.nextInt(0, 13);
            for (int i = 0; i < n; i++) keys.append(KEYS.charAt(random.nextInt(KEYS.length())));
            if (n == 0) feature("<Record finishOnKey=\"\">");
            t.finishOnKey(keys.toString());
            p.finishOnKey(keys.toString());
        }
        if (maybe()) { int v = integer(); t.maxLength(v); p.maxLength(v); }
        if (maybe()) { boolean v = random.nextBoolean(); t.playBeep(v); p.playBeep(v); }
        if (maybe()) {
            var v = pick(com.twilio.twiml.voice.Record.Trim.values());
            t.trim(v);
            p.trim(same(Trim.class, v));
        }
        if (maybe()) { String v = url(); t.recordingStatusCallback(v); p.recordingStatusCallback(v); }
        if (maybe()) {
            var v = method();
            t.recordingStatusCallbackMethod(v);
            p.recordingStatusCallbackMethod(parley(v));
        }
        if (maybe()) {
            var events = subset(com.twilio.twiml.voice.Record.RecordingEvent.values());
            if (events.size() == 1 && random.nextBoolean()) {
                t.recordingStatusCallbackEvents(events.get(0));
                p.recordingStatusCallbackEvents(same(RecordingEvent.class, events.get(0)));
            } else {
                t.recordingStatusCallbackEvents(events);
                p.recordingStatusCallbackEvents(same(RecordingEvent.class, events));
            }
        }
        if (maybe()) { boolean v = random.nextBoolean(); t.transcribe(v); p.transcribe(v); }
        if (maybe()) { String v = url(); t.transcribeCallback(v); p.transcribeCallback(v); }
        if (maybe()) { String v = text(); t.recordingConfigurationId(v); p.recordingConfigurationId(v); }
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Hangup, Hangup> hangup() {
        var t = new com.twilio.twiml.voice.Hangup.Builder();
        var p = Hangup.builder();
        parameters(v -> t.parameter(v.twilio()), v -> p.parameter(v.parley()), "<Hangup><Parameter>");
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Redirect, Redirect> redirect() {
        String url = url();
        var t = new com.twilio.twiml.voice.Redirect.Builder(url);
        var p = Redirect.builder(url);
        if (maybe()) { var v = method(); t.method(v); p.method(parley(v)); }
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Reject, Reject> reject() {
        var t = new com.twilio.twiml.voice.Reject.Builder();
        var p = Reject.builder();
        if (maybe()) {
            var v = pick(com.twilio.twiml.voice.Reject.Reason.values());
            t.reason(v);
            p.reason(same(Reject.Reason.class, v));
        }
        parameters(v -> t.parameter(v.twilio()), v -> p.parameter(v.parley()), "<Reject><Parameter>");
        return new Twin<>(t.build(), p.build());
    }

    private void parameters(Consumer<Twin<com.twilio.twiml.voice.Parameter, Parameter>> twilio,
                            Consumer<Twin<com.twilio.twiml.voice.Parameter, Parameter>> parley, String feature) {
        int n = random.nextInt(4) == 0 ? random.nextInt(1, 4) : 0;
        for (int i = 0; i < n; i++) {
            var v = parameter();
            twilio.accept(v);
            parley.accept(v);
            feature(feature);
        }
    }

    private Twin<com.twilio.twiml.voice.Parameter, Parameter> parameter() {
        var t = new com.twilio.twiml.voice.Parameter.Builder();
        var p = Parameter.builder();
        if (random.nextInt(8) != 0) { String v = text(); t.name(v); p.name(v); }
        if (random.nextInt(8) != 0) { String v = text(); t.value(v); p.value(v); }
        return new Twin<>(t.build(), p.build());
    }

    // ---------------------------------------------------------------- <Dial> and its nouns

    private Twin<com.twilio.twiml.voice.Dial, Dial> dial() {
        boolean bare = random.nextInt(4) == 0;
        com.twilio.twiml.voice.Dial.Builder t;
        Dial.Builder p;
        if (bare) {
            String number = phoneNumber();
            t = new com.twilio.twiml.voice.Dial.Builder(number);
            p = Dial.builder(number);
            feature("<Dial> with a bare number");
        } else {
            t = new com.twilio.twiml.voice.Dial.Builder();
            p = Dial.builder();
        }
        if (maybe()) { String v = url(); t.action(v); p.action(v); }
        if (maybe()) { var v = method(); t.method(v); p.method(parley(v)); }
        if (maybe()) { int v = integer(); t.timeout(v); p.timeout(v); }
        if (maybe()) { boolean v = random.nextBoolean(); t.hangupOnStar(v); p.hangupOnStar(v); }
        if (maybe()) { int v = integer(); t.timeLimit(v); p.timeLimit(v); }
        if (maybe()) {
            String v = random.nextBoolean() ? phoneNumber() : random.nextBoolean() ? "client:" + identity() : text();
            t.callerId(v);
            p.callerId(v);
        }
        if (maybe()) {
            var v = pick(com.twilio.twiml.voice.Dial.Record.values());
            t.record(v);
            p.record(same(Dial.Record.class, v));
        }
        if (maybe()) {
            var v = pick(com.twilio.twiml.voice.Dial.Trim.values());
            t.trim(v);
            p.trim(same(Trim.class, v));
        }
        if (maybe()) { String v = url(); t.recordingStatusCallback(v); p.recordingStatusCallback(v); }
        if (maybe()) { String v = text(); t.recordingConfigurationId(v); p.recordingConfigurationId(v); }
        if (maybe()) {
            var v = method();
            t.recordingStatusCallbackMethod(v);
            p.recordingStatusCallbackMethod(parley(v));
        }
        if (maybe()) {
            var events = subset(com.twilio.twiml.voice.Dial.RecordingEvent.values());
            t.recordingStatusCallbackEvents(events);
            p.recordingStatusCallbackEvents(same(RecordingEvent.class, events));
        }
        if (maybe()) { boolean v = random.nextBoolean(); t.answerOnBridge(v); p.answerOnBridge(v); }
        if (maybe()) {
            var v = pick(com.twilio.twiml.voice.Dial.RingTone.values());
            t.ringTone(v);
            p.ringTone(v.toString());
        }
        if (maybe()) {
            var v = pick(com.twilio.twiml.voice.Dial.RecordingTrack.values());
            t.recordingTrack(v);
            p.recordingTrack(same(Dial.RecordingTrack.class, v));
        }
        if (maybe()) { boolean v = random.nextBoolean(); t.sequential(v); p.sequential(v); }
        if (maybe()) { String v = url(); t.referUrl(v); p.referUrl(v); }
        if (maybe()) { var v = method(); t.referMethod(v); p.referMethod(parley(v)); }
        if (maybe()) {
            var v = pick(com.twilio.twiml.voice.Dial.Events.values());
            t.events(v);
            p.events(v.toString());
        }
        if (maybe()) { String v = text(); t.passports(v); p.passports(v); }
        int nouns = bare ? random.nextInt(0, 3) : random.nextInt(1, 5);
        for (int i = 0; i < nouns; i++) {
            switch (random.nextInt(3)) {
                case 0 -> { var v = number(); t.number(v.twilio()); p.number(v.parley()); }
                case 1 -> { var v = client(); t.client(v.twilio()); p.client(v.parley()); }
                default -> { var v = sip(); t.sip(v.twilio()); p.sip(v.parley()); }
            }
        }
        if (bare && nouns > 0) feature("<Dial> with a bare number and nouns");
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Number, Number> number() {
        String phoneNumber = phoneNumber();
        var t = new com.twilio.twiml.voice.Number.Builder(phoneNumber);
        var p = Number.builder(phoneNumber);
        if (maybe()) { String v = digits(); t.sendDigits(v); p.sendDigits(v); }
        if (maybe()) { String v = url(); t.url(v); p.url(v); }
        if (maybe()) { var v = method(); t.method(v); p.method(parley(v)); }
        if (maybe()) {
            var events = subset(com.twilio.twiml.voice.Number.Event.values());
            if (events.size() == 1 && random.nextBoolean()) {
                t.statusCallbackEvents(events.get(0));
                p.statusCallbackEvents(same(CallEvent.class, events.get(0)));
            } else {
                t.statusCallbackEvents(events);
                p.statusCallbackEvents(same(CallEvent.class, events));
            }
        }
        if (maybe()) { String v = url(); t.statusCallback(v); p.statusCallback(v); }
        if (maybe()) { var v = method(); t.statusCallbackMethod(v); p.statusCallbackMethod(parley(v)); }
        if (maybe()) { String v = "BY" + hex(32); t.byoc(v); p.byoc(v); }
        if (maybe()) { String v = machineDetection(); t.machineDetection(v); p.machineDetection(v); }
        if (maybe()) { var v = method(); t.amdStatusCallbackMethod(v); p.amdStatusCallbackMethod(parley(v)); }
        if (maybe()) { String v = url(); t.amdStatusCallback(v); p.amdStatusCallback(v); }
        if (maybe()) { int v = integer(); t.machineDetectionTimeout(v); p.machineDetectionTimeout(v); }
        if (maybe()) { int v = integer(); t.machineDetectionSpeechThreshold(v); p.machineDetectionSpeechThreshold(v); }
        if (maybe()) {
            int v = integer();
            t.machineDetectionSpeechEndThreshold(v);
            p.machineDetectionSpeechEndThreshold(v);
        }
        if (maybe()) { int v = integer(); t.machineDetectionSilenceTimeout(v); p.machineDetectionSilenceTimeout(v); }
        feature("<Number>");
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Client, Client> client() {
        String identity = random.nextInt(5) == 0 ? text() : identity();
        boolean asChild = random.nextBoolean();
        var t = asChild ? new com.twilio.twiml.voice.Client.Builder() : new com.twilio.twiml.voice.Client.Builder(identity);
        var p = Client.builder(identity);
        feature(asChild ? "<Client><Identity>" : "<Client> with its identity as text");
        if (maybe()) { String v = url(); t.url(v); p.url(v); }
        if (maybe()) { var v = method(); t.method(v); p.method(parley(v)); }
        if (maybe()) {
            var events = subset(com.twilio.twiml.voice.Client.Event.values());
            t.statusCallbackEvents(events);
            p.statusCallbackEvents(same(CallEvent.class, events));
        }
        if (maybe()) { String v = url(); t.statusCallback(v); p.statusCallback(v); }
        if (maybe()) { var v = method(); t.statusCallbackMethod(v); p.statusCallbackMethod(parley(v)); }
        // twilio-java keeps <Identity> and <Parameter> children in call order: put the identity anywhere among them.
        int parameters = random.nextInt(3) == 0 ? random.nextInt(1, 4) : 0;
        int identityAt = random.nextInt(parameters + 1);
        for (int i = 0; i <= parameters; i++) {
            if (i == identityAt && asChild) {
                t.identity(new com.twilio.twiml.voice.Identity.Builder(identity).build());
                if (i > 0) feature("<Client><Parameter> before <Identity>");
            }
            if (i < parameters) {
                var v = parameter();
                t.parameter(v.twilio());
                p.parameter(v.parley());
                feature("<Client><Parameter>");
            }
        }
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Sip, Sip> sip() {
        String uri = sipUri();
        var t = new com.twilio.twiml.voice.Sip.Builder(uri);
        var p = Sip.builder(uri);
        if (maybe()) { String v = text(); t.username(v); p.username(v); }
        if (maybe()) { String v = text(); t.password(v); p.password(v); }
        if (maybe()) { String v = url(); t.url(v); p.url(v); }
        if (maybe()) { var v = method(); t.method(v); p.method(parley(v)); }
        if (maybe()) {
            var events = subset(com.twilio.twiml.voice.Sip.Event.values());
            t.statusCallbackEvents(events);
            p.statusCallbackEvents(same(CallEvent.class, events));
        }
        if (maybe()) { String v = url(); t.statusCallback(v); p.statusCallback(v); }
        if (maybe()) { var v = method(); t.statusCallbackMethod(v); p.statusCallbackMethod(parley(v)); }
        if (maybe()) { String v = machineDetection(); t.machineDetection(v); p.machineDetection(v); }
        if (maybe()) { var v = method(); t.amdStatusCallbackMethod(v); p.amdStatusCallbackMethod(parley(v)); }
        if (maybe()) { String v = url(); t.amdStatusCallback(v); p.amdStatusCallback(v); }
        if (maybe()) { int v = integer(); t.machineDetectionTimeout(v); p.machineDetectionTimeout(v); }
        if (maybe()) { int v = integer(); t.machineDetectionSpeechThreshold(v); p.machineDetectionSpeechThreshold(v); }
        if (maybe()) {
            int v = integer();
            t.machineDetectionSpeechEndThreshold(v);
            p.machineDetectionSpeechEndThreshold(v);
        }
        if (maybe()) { int v = integer(); t.machineDetectionSilenceTimeout(v); p.machineDetectionSilenceTimeout(v); }
        feature("<Sip>");
        return new Twin<>(t.build(), p.build());
    }

    // ---------------------------------------------------------------- <Connect><Conversation>

    private Twin<com.twilio.twiml.voice.Connect, Connect> connect() {
        var t = new com.twilio.twiml.voice.Connect.Builder();
        var p = Connect.builder();
        if (maybe()) { String v = url(); t.action(v); p.action(v); }
        if (maybe()) { var v = method(); t.method(v); p.method(parley(v)); }
        var conversation = conversation();
        t.conversation(conversation.twilio());
        p.conversation(conversation.parley());
        return new Twin<>(t.build(), p.build());
    }

    private Twin<com.twilio.twiml.voice.Conversation, Conversation> conversation() {
        String sid = "IS" + alnum(32);
        var t = new com.twilio.twiml.voice.Conversation.Builder().serviceInstanceSid(sid);
        var p = Conversation.builder().serviceInstanceSid(sid);
        if (maybe()) { boolean v = random.nextBoolean(); t.inboundAutocreation(v); p.inboundAutocreation(v); }
        if (maybe()) { int v = integer(); t.routingAssignmentTimeout(v); p.routingAssignmentTimeout(v); }
        if (maybe()) { int v = integer(); t.inboundTimeout(v); p.inboundTimeout(v); }
        if (maybe()) { String v = url(); t.url(v); p.url(v); }
        if (maybe()) { var v = method(); t.method(v); p.method(parley(v)); }
        if (maybe()) {
            var v = pick(com.twilio.twiml.voice.Conversation.Record.values());
            t.record(v);
            p.record(same(Conversation.Record.class, v));
        }
        if (maybe()) {
            var v = pick(com.twilio.twiml.voice.Conversation.Trim.values());
            t.trim(v);
            p.trim(same(Conversation.Trim.class, v));
        }
        if (maybe()) { String v = absoluteUrl(); t.recordingStatusCallback(v); p.recordingStatusCallback(v); }
        if (maybe()) {
            var v = method();
            t.recordingStatusCallbackMethod(v);
            p.recordingStatusCallbackMethod(parley(v));
        }
        if (maybe()) {
            var events = subset(com.twilio.twiml.voice.Conversation.RecordingEvent.values());
            if (events.size() == 1 && random.nextBoolean()) {
                t.recordingStatusCallbackEvents(events.get(0));
                p.recordingStatusCallbackEvents(same(Conversation.RecordingEvent.class, events.get(0)));
            } else {
                t.recordingStatusCallbackEvents(events);
                p.recordingStatusCallbackEvents(same(Conversation.RecordingEvent.class, events));
            }
        }
        if (maybe()) { String v = url(); t.statusCallback(v); p.statusCallback(v); }
        if (maybe()) { var v = method(); t.statusCallbackMethod(v); p.statusCallbackMethod(parley(v)); }
        if (maybe()) {
            var events = subset(com.twilio.twiml.voice.Conversation.Event.values());
            if (events.size() == 1 && random.nextBoolean()) {
                t.statusCallbackEvents(events.get(0));
                p.statusCallbackEvents(same(Conversation.Event.class, events.get(0)));
            } else {
                t.statusCallbackEvents(events);
                p.statusCallbackEvents(same(Conversation.Event.class, events));
            }
        }
        return new Twin<>(t.build(), p.build());
    }

    // ---------------------------------------------------------------- values

    private boolean maybe() {
        return random.nextDouble() < density;
    }

    private com.twilio.http.HttpMethod method() {
        return random.nextBoolean() ? com.twilio.http.HttpMethod.GET : com.twilio.http.HttpMethod.POST;
    }

    private static HttpMethod parley(com.twilio.http.HttpMethod method) {
        return HttpMethod.valueOf(method.name());
    }

    /** 0…999,999,999, with the edges often. */
    private int integer() {
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 999_999_999;
            case 3 -> random.nextInt(0, 1_000_000_000);
            default -> random.nextInt(2, 120);
        };
    }

    /** Words, XML specials and non-ASCII, without leading or trailing white space. */
    private String text() {
        int words = random.nextInt(1, 7);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) s.append(pick(SEPARATORS));
            s.append(pick(WORDS));
        }
        return s.toString();
    }

    private String url() {
        String url = random.nextInt(4) == 0
            ? pick(RELATIVE_PATHS) + pick(QUERIES) + pick(FRAGMENTS)
            : random.nextInt(3) == 0 ? pick(PATHS) + pick(QUERIES) + pick(FRAGMENTS) : absoluteUrl();
        return checkedUri(url);
    }

    private String absoluteUrl() {
        return checkedUri(pick(ABSOLUTE_BASES) + pick(PATHS) + pick(QUERIES) + pick(FRAGMENTS));
    }

    private String sipUri() {
        return checkedUri(pick("sip:", "sip:", "sips:") + pick(SIP_USERS) + "@" + pick(SIP_HOSTS) + pick(SIP_PARAMS));
    }

    /** twilio-java turns a String into a java.net.URI and silently drops what URI refuses. */
    private static String checkedUri(String s) {
        try {
            new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the generator made a URL twilio-java would drop: " + s, e);
        }
        return s;
    }

    private String phoneNumber() {
        return switch (random.nextInt(4)) {
            case 0 -> "+1555" + digitsOnly(7);
            case 1 -> "+44" + digitsOnly(10);
            case 2 -> digitsOnly(random.nextInt(3, 12));
            default -> "+" + digitsOnly(random.nextInt(8, 15));
        };
    }

    private String identity() {
        String id = pick(IDENTITIES);
        return random.nextBoolean() ? id : id + "_" + random.nextInt(1000);
    }

    private String digits() {
        int n = random.nextInt(1, 33);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) s.append(DIGIT_CHARS.charAt(random.nextInt(DIGIT_CHARS.length())));
        return s.toString();
    }

    private String machineDetection() {
        return random.nextBoolean() ? "Enable" : "DetectMessageEnd";
    }

    private String digitsOnly(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) s.append((char) ('0' + random.nextInt(10)));
        return s.toString();
    }

    private String alnum(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) s.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        return s.toString();
    }

    private String hex(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) s.append(ALNUM.charAt(random.nextInt(16)));
        return s.toString();
    }

    /** A non-empty subset of the values, in random order. */
    private <E> List<E> subset(E[] values) {
        List<E> shuffled = new ArrayList<>(Arrays.asList(values));
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            E tmp = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, tmp);
        }
        return List.copyOf(shuffled.subList(0, random.nextInt(1, values.length + 1)));
    }

    @SafeVarargs
    private <E> E pick(E... values) {
        return values[random.nextInt(values.length)];
    }

    private void feature(String name) {
        features.merge(name, 1, Integer::sum);
    }

    /**
     * Parley's value with the TwiML spelling of twilio-java's enum value; fails when Parley has no such value,
     * which is itself a conformance failure.
     */
    static <E extends Enum<E> & TwimlValue> E same(Class<E> parleyType, Enum<?> twilioValue) {
        String spelling = twilioValue.toString();
        for (E e : parleyType.getEnumConstants()) {
            if (e.value().equals(spelling)) return e;
        }
        throw new AssertionError("Parley's " + parleyType.getName() + " has no value '" + spelling + "' (twilio-java "
            + twilioValue.getDeclaringClass().getName() + "." + twilioValue.name() + ")");
    }

    static <E extends Enum<E> & TwimlValue> List<E> same(Class<E> parleyType, List<? extends Enum<?>> twilioValues) {
        return twilioValues.stream().map(v -> same(parleyType, v)).toList();
    }
}
