package dev.parley.engine.call;

/** Which way a call goes (reference §5.2). */
public enum Direction {
    INBOUND("inbound"), OUTBOUND_API("outbound-api"), OUTBOUND_DIAL("outbound-dial");

    private final String value;

    Direction(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
