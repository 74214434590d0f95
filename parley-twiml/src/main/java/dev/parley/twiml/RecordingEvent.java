package dev.parley.twiml;

/** Events of a recording status callback ({@code recordingStatusCallbackEvent}). */
public enum RecordingEvent implements TwimlValue {
    IN_PROGRESS("in-progress"), COMPLETED("completed"), ABSENT("absent");

    private final String value;

    RecordingEvent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
