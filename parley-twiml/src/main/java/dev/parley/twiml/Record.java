package dev.parley.twiml;

import java.util.List;
import java.util.Optional;

/** {@code <Record>}: records the caller's voice and requests {@code action} with the recording. */
public record Record(Attributes attributes) implements Verb {

    /** The action URL as written; absent means the current document's URL. */
    public Optional<String> action() { return attributes.text("action"); }
    public HttpMethod method() { return attributes.method("method"); }
    /** Seconds of silence that end the recording. Default 5. */
    public int timeout() { return attributes.integer("timeout").orElse(5); }
    /** Keys that end the recording. Default {@code 1234567890*#}. */
    public String finishOnKey() { return attributes.text("finishOnKey").orElse("1234567890*#"); }
    /** Longest recording in seconds. Default 3600. */
    public int maxLength() { return attributes.integer("maxLength").orElse(3600); }
    public boolean playBeep() { return attributes.bool("playBeep"); }
    public String trim() { return attributes.text("trim").orElse(Trim.TRIM_SILENCE.value()); }
    public Optional<String> recordingStatusCallback() { return attributes.text("recordingStatusCallback"); }
    public HttpMethod recordingStatusCallbackMethod() { return attributes.method("recordingStatusCallbackMethod"); }
    public List<String> recordingStatusCallbackEvents() { return attributes.list("recordingStatusCallbackEvent"); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ElementBuilder<Builder> {
        public Builder() {
            super(TwimlSchema.RECORD);
        }

        public Builder action(String action) { return set("action", action); }
        public Builder method(HttpMethod method) { return set("method", method); }
        public Builder timeout(Integer timeout) { return set("timeout", timeout); }
        public Builder finishOnKey(String finishOnKey) { return set("finishOnKey", finishOnKey); }
        public Builder maxLength(Integer maxLength) { return set("maxLength", maxLength); }
        public Builder playBeep(Boolean playBeep) { return set("playBeep", playBeep); }
        public Builder trim(Trim trim) { return set("trim", trim.value()); }
        public Builder recordingStatusCallback(String url) { return set("recordingStatusCallback", url); }
        public Builder recordingStatusCallbackMethod(HttpMethod method) { return set("recordingStatusCallbackMethod", method); }
        public Builder recordingStatusCallbackEvents(List<RecordingEvent> events) { return set("recordingStatusCallbackEvent", values(events)); }
        public Builder recordingStatusCallbackEvents(RecordingEvent event) { return recordingStatusCallbackEvents(List.of(event)); }
        public Builder transcribe(Boolean transcribe) { return set("transcribe", transcribe); }
        public Builder transcribeCallback(String url) { return set("transcribeCallback", url); }
        public Builder recordingConfigurationId(String id) { return set("recordingConfigurationId", id); }

        public Record build() {
            return new Record(attributes.build());
        }
    }
}
