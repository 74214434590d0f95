package dev.parley.engine.call;

/** Twilio's call statuses (reference §4.5, §5.2). */
public enum CallStatus {
    QUEUED("queued"), RINGING("ringing"), IN_PROGRESS("in-progress"), COMPLETED("completed"), BUSY("busy"),
    FAILED("failed"), NO_ANSWER("no-answer"), CANCELED("canceled");

    private final String value;

    CallStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Whether the call is over. */
    public boolean isFinal() {
        return ordinal() >= COMPLETED.ordinal();
    }

    public static CallStatus of(String value) {
        for (CallStatus s : values()) if (s.value.equals(value)) return s;
        throw new IllegalArgumentException("unknown call status " + value);
    }
}
