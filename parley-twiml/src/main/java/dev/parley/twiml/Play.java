package dev.parley.twiml;

import java.util.Optional;

/** {@code <Play>}: an audio URL played to the caller, or DTMF {@code digits} sent instead. */
public record Play(Attributes attributes, String url) implements Verb, GatherPrompt {

    /** The audio URL as written (may be relative), if any. */
    public Optional<String> audioUrl() { return url.isEmpty() ? Optional.empty() : Optional.of(url); }
    public Optional<String> digits() { return attributes.text("digits"); }
    /** How many times to play it; 0 means until the call ends. Default 1. */
    public int loop() { return attributes.integer("loop").orElse(1); }

    @Override
    public String body() {
        return url;
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    public static final class Builder extends ElementBuilder<Builder> {
        private final String url;

        public Builder(String url) {
            super(TwimlSchema.PLAY);
            this.url = url == null ? "" : url.strip();
        }

        public Builder() {
            this("");
        }

        public Builder loop(Integer loop) { return set("loop", loop); }
        public Builder digits(String digits) { return set("digits", digits); }

        public Play build() {
            return new Play(attributes.build(), url);
        }
    }
}
