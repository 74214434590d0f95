package dev.parley.twiml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <Dial>}: connects the call to another party. A bare number ({@code <Dial>+1555…</Dial>}) is read as
 * a {@link Number} without attributes, first among the targets.
 */
public record Dial(Attributes attributes, List<DialTarget> targets) implements Verb {

    public Dial {
        targets = List.copyOf(targets);
    }

    /** The action URL as written; absent means the call goes on with the next verb. */
    public Optional<String> action() { return attributes.text("action"); }
    public HttpMethod method() { return attributes.method("method"); }
    /** Seconds to ring before {@code no-answer}. Default 30. */
    public int timeout() { return attributes.integer("timeout").orElse(30); }
    /** Longest call in seconds. Default 14400. */
    public int timeLimit() { return attributes.integer("timeLimit").orElse(14400); }
    public Optional<String> callerId() { return attributes.text("callerId"); }
    public boolean hangupOnStar() { return attributes.bool("hangupOnStar"); }
    /** As written: {@code do-not-record} (default), {@code record-from-answer}… or the aliases {@code true}/{@code false}. */
    public String record() { return attributes.text("record").orElse("do-not-record"); }
    public String trim() { return attributes.text("trim").orElse(Trim.TRIM_SILENCE.value()); }
    public Optional<String> recordingStatusCallback() { return attributes.text("recordingStatusCallback"); }
    public HttpMethod recordingStatusCallbackMethod() { return attributes.method("recordingStatusCallbackMethod"); }
    public List<String> recordingStatusCallbackEvents() { return attributes.list("recordingStatusCallbackEvent"); }
    /** The country whose ringback the caller hears while the Dial rings ({@code us}, {@code uk}, ...), as written. */
    public Optional<String> ringTone() { return attributes.text("ringTone"); }
    /** Which of the caller's audio a {@code record}ing holds. Default {@code both} (a value not allowed is dropped with 12200, so it reads as both). */
    public RecordingTrack recordingTrack() { return RecordingTrack.from(attributes.text("recordingTrack").orElse("both")); }
    /** Dial the nouns one after another in document order instead of all at once. Default false. */
    public boolean sequential() { return attributes.bool("sequential"); }

    @Override
    public List<DialTarget> children() {
        return targets;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(String number) {
        return new Builder(number);
    }

    /** Twilio's recording modes for {@code <Dial record>}. */
    public enum Record implements TwimlValue {
        DO_NOT_RECORD("do-not-record"), RECORD_FROM_ANSWER("record-from-answer"),
        RECORD_FROM_RINGING("record-from-ringing"), RECORD_FROM_ANSWER_DUAL("record-from-answer-dual"),
        RECORD_FROM_RINGING_DUAL("record-from-ringing-dual");

        private final String value;
        Record(String value) { this.value = value; }
        public String value() { return value; }
    }

    /**
     * {@code recordingTrack}: {@code inbound} is the audio coming into Twilio from the caller (its voice),
     * {@code outbound} the audio going out to it (what it hears: the dialled party), {@code both} the two.
     */
    public enum RecordingTrack implements TwimlValue {
        BOTH("both"), INBOUND("inbound"), OUTBOUND("outbound");

        private final String value;
        RecordingTrack(String value) { this.value = value; }
        public String value() { return value; }

        static RecordingTrack from(String value) {
            for (RecordingTrack t : values()) if (t.value.equals(value)) return t;
            throw new IllegalArgumentException(value);
        }
    }

    public static final class Builder extends ElementBuilder<Builder> {
        private final List<DialTarget> targets = new ArrayList<>();

        public Builder() {
            super(TwimlSchema.DIAL);
        }

        /** A bare number: the same as one {@code <Number>} without attributes. */
        public Builder(String number) {
            this();
            number(number);
        }

        public Builder action(String action) { return set("action", action); }
        public Builder method(HttpMethod method) { return set("method", method); }
        public Builder timeout(Integer timeout) { return set("timeout", timeout); }
        public Builder hangupOnStar(Boolean hangupOnStar) { return set("hangupOnStar", hangupOnStar); }
        public Builder timeLimit(Integer timeLimit) { return set("timeLimit", timeLimit); }
        public Builder callerId(String callerId) { return set("callerId", callerId); }
        public Builder record(Record record) { return set("record", record.value()); }
        public Builder trim(Trim trim) { return set("trim", trim.value()); }
        public Builder recordingStatusCallback(String url) { return set("recordingStatusCallback", url); }
        public Builder recordingStatusCallbackMethod(HttpMethod method) { return set("recordingStatusCallbackMethod", method); }
        public Builder recordingStatusCallbackEvents(List<RecordingEvent> events) { return set("recordingStatusCallbackEvent", values(events)); }
        public Builder recordingStatusCallbackEvents(RecordingEvent event) { return recordingStatusCallbackEvents(List.of(event)); }
        public Builder recordingConfigurationId(String id) { return set("recordingConfigurationId", id); }
        public Builder answerOnBridge(Boolean answerOnBridge) { return set("answerOnBridge", answerOnBridge); }
        /** A two-letter country code ({@code us}, {@code uk}…) or {@code us-old}. */
        public Builder ringTone(String ringTone) { return set("ringTone", ringTone); }
        public Builder recordingTrack(RecordingTrack track) { return set("recordingTrack", track.value()); }
        public Builder sequential(Boolean sequential) { return set("sequential", sequential); }
        public Builder referUrl(String url) { return set("referUrl", url); }
        public Builder referMethod(HttpMethod method) { return set("referMethod", method); }
        public Builder events(String events) { return set("events", events); }
        public Builder passports(String passports) { return set("passports", passports); }

        public Builder number(String number) { return target(new Number(Attributes.none(TwimlSchema.NUMBER), number.strip())); }
        public Builder number(Number number) { return target(number); }
        public Builder client(Client client) { return target(client); }
        public Builder sip(Sip sip) { return target(sip); }

        public Builder target(DialTarget target) {
            targets.add(target);
            return this;
        }

        public Dial build() {
            return new Dial(attributes.build(), targets);
        }
    }
}
