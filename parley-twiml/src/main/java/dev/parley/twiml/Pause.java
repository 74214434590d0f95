package dev.parley.twiml;

/** {@code <Pause>}: silence for {@code length} seconds (default 1). */
public record Pause(Attributes attributes) implements Verb, GatherPrompt {

    public int length() { return attributes.integer("length").orElse(1); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ElementBuilder<Builder> {
        public Builder() {
            super(TwimlSchema.PAUSE);
        }

        public Builder length(Integer length) { return set("length", length); }

        public Pause build() {
            return new Pause(attributes.build());
        }
    }
}
