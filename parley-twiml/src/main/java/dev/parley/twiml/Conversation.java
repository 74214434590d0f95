package dev.parley.twiml;

import java.util.List;
import java.util.Optional;

/**
 * {@code <Conversation>} inside {@code <Connect>}: connects the caller with the Frontline worker of their
 * Conversation. Every attribute of reference §1.3, with Twilio's defaults as resolved in DESIGN.md.
 */
public record Conversation(Attributes attributes) implements TwimlNode {

    public String serviceInstanceSid() { return attributes.text("serviceInstanceSid").orElseThrow(); }
    /** Default true. */
    public boolean inboundAutocreation() { return attributes.bool("inboundAutocreation"); }
    /** Seconds to wait for routing to add a worker. Default 5. */
    public int routingAssignmentTimeout() { return attributes.integer("routingAssignmentTimeout").orElse(5); }
    /** Seconds to ring the worker. Default 60. */
    public int inboundTimeout() { return attributes.integer("inboundTimeout").orElse(60); }
    /** Whisper TwiML run on the dialled leg before the parties are joined. */
    public Optional<String> url() { return attributes.text("url"); }
    public HttpMethod method() { return attributes.method("method"); }
    /** The recording mode with the {@code true}/{@code false} aliases resolved. */
    public Record record() { return Record.from(attributes.text("record").orElse("do-not-record")).canonical(); }
    public Trim trim() { return attributes.text("trim").orElse("do-not-trim").equals("trim-silence") ? Trim.TRIM_SILENCE : Trim.DO_NOT_TRIM; }
    public Optional<String> recordingStatusCallback() { return attributes.text("recordingStatusCallback"); }
    public HttpMethod recordingStatusCallbackMethod() { return attributes.method("recordingStatusCallbackMethod"); }
    /** Default {@code completed absent} (DESIGN.md decision 9). */
    public List<String> recordingStatusCallbackEvents() { return attributes.list("recordingStatusCallbackEvent"); }
    public Optional<String> statusCallback() { return attributes.text("statusCallback"); }
    public HttpMethod statusCallbackMethod() { return attributes.method("statusCallbackMethod"); }
    /** Default {@code call-completed} (DESIGN.md decision 9). */
    public List<String> statusCallbackEvents() { return attributes.list("statusCallbackEvent"); }

    public static Builder builder() {
        return new Builder();
    }

    /** Twilio's {@code record} values, with the aliases {@code true} (= record-from-answer) and {@code false}. */
    public enum Record implements TwimlValue {
        DO_NOT_RECORD("do-not-record"), RECORD_FROM_ANSWER("record-from-answer"),
        RECORD_FROM_RINGING("record-from-ringing"), RECORD_FROM_ANSWER_DUAL("record-from-answer-dual"),
        RECORD_FROM_RINGING_DUAL("record-from-ringing-dual"), TRUE("true"), FALSE("false");

        private final String value;
        Record(String value) { this.value = value; }
        public String value() { return value; }

        public boolean records() { return canonical() != DO_NOT_RECORD; }
        public boolean fromRinging() { return this == RECORD_FROM_RINGING || this == RECORD_FROM_RINGING_DUAL; }
        public boolean dual() { return this == RECORD_FROM_ANSWER_DUAL || this == RECORD_FROM_RINGING_DUAL; }

        /** {@code true} is {@code record-from-answer}, {@code false} is {@code do-not-record}. */
        public Record canonical() {
            return switch (this) {
                case TRUE -> RECORD_FROM_ANSWER;
                case FALSE -> DO_NOT_RECORD;
                default -> this;
            };
        }

        static Record from(String value) {
            for (Record r : values()) if (r.value.equals(value)) return r;
            throw new IllegalArgumentException(value);
        }
    }

    /** Twilio's names for the {@code <Conversation>} trim values (the same as {@link dev.parley.twiml.Trim}). */
    public enum Trim implements TwimlValue {
        TRIM_SILENCE("trim-silence"), DO_NOT_TRIM("do-not-trim");

        private final String value;
        Trim(String value) { this.value = value; }
        public String value() { return value; }
    }

    /** Recording status events, as twilio-java names them on {@code Conversation}. */
    public enum RecordingEvent implements TwimlValue {
        IN_PROGRESS("in-progress"), COMPLETED("completed"), ABSENT("absent");

        private final String value;
        RecordingEvent(String value) { this.value = value; }
        public String value() { return value; }
    }

    /** Session status events ({@code statusCallbackEvent}). */
    public enum Event implements TwimlValue {
        CALL_INITIATED("call-initiated"), CALL_RINGING("call-ringing"),
        CALL_ANSWERED("call-answered"), CALL_COMPLETED("call-completed");

        private final String value;
        Event(String value) { this.value = value; }
        public String value() { return value; }
    }

    public static final class Builder extends ElementBuilder<Builder> {
        public Builder() {
            super(TwimlSchema.CONVERSATION);
        }

        public Builder serviceInstanceSid(String sid) { return set("serviceInstanceSid", sid); }
        public Builder inboundAutocreation(Boolean value) { return set("inboundAutocreation", value); }
        public Builder routingAssignmentTimeout(Integer seconds) { return set("routingAssignmentTimeout", seconds); }
        public Builder inboundTimeout(Integer seconds) { return set("inboundTimeout", seconds); }
        public Builder url(String url) { return set("url", url); }
        public Builder method(HttpMethod method) { return set("method", method); }
        public Builder record(Record record) { return set("record", record.value()); }
        public Builder trim(Trim trim) { return set("trim", trim.value()); }
        public Builder recordingStatusCallback(String url) { return set("recordingStatusCallback", url); }
        public Builder recordingStatusCallbackMethod(HttpMethod method) { return set("recordingStatusCallbackMethod", method); }
        public Builder recordingStatusCallbackEvents(List<RecordingEvent> events) { return set("recordingStatusCallbackEvent", values(events)); }
        public Builder recordingStatusCallbackEvents(RecordingEvent event) { return recordingStatusCallbackEvents(List.of(event)); }
        public Builder statusCallback(String url) { return set("statusCallback", url); }
        public Builder statusCallbackMethod(HttpMethod method) { return set("statusCallbackMethod", method); }
        public Builder statusCallbackEvents(List<Event> events) { return set("statusCallbackEvent", values(events)); }
        public Builder statusCallbackEvents(Event event) { return statusCallbackEvents(List.of(event)); }

        public Conversation build() {
            Attributes built = attributes.build();
            if (!built.has("serviceInstanceSid")) {
                throw new IllegalStateException("<Conversation> needs a serviceInstanceSid");
            }
            return new Conversation(built);
        }
    }
}
