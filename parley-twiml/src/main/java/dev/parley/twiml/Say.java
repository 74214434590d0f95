package dev.parley.twiml;

import java.util.Optional;

/** {@code <Say>}: text read aloud. */
public record Say(Attributes attributes, String text) implements Verb, GatherPrompt {

    public Optional<String> voice() { return attributes.text("voice"); }
    public Optional<String> language() { return attributes.text("language"); }
    /** How many times to say it; 0 means until the call ends. Default 1. */
    public int loop() { return attributes.integer("loop").orElse(1); }

    @Override
    public String body() {
        return text;
    }

    public static Builder builder(String text) {
        return new Builder(text);
    }

    public static final class Builder extends ElementBuilder<Builder> {
        private final String text;

        public Builder(String text) {
            super(TwimlSchema.SAY);
            this.text = text == null ? "" : text.strip();
        }

        public Builder voice(String voice) { return set("voice", voice); }
        public Builder language(String language) { return set("language", language); }
        public Builder loop(Integer loop) { return set("loop", loop); }

        public Say build() {
            return new Say(attributes.build(), text);
        }
    }
}
