package dev.parley.twiml;

import java.util.Optional;

/** {@code <Connect>}: hands the call to a session; here {@code <Conversation>}, the Frontline voice session. */
public record Connect(Attributes attributes, Conversation conversation) implements Verb {

    /** The action URL as written; absent means the verbs after {@code </Connect>} run when the session ends. */
    public Optional<String> action() { return attributes.text("action"); }
    public HttpMethod method() { return attributes.method("method"); }

    @Override
    public java.util.List<Conversation> children() {
        return java.util.List.of(conversation);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ElementBuilder<Builder> {
        private Conversation conversation;

        public Builder() {
            super(TwimlSchema.CONNECT);
        }

        public Builder action(String action) { return set("action", action); }
        public Builder method(HttpMethod method) { return set("method", method); }

        public Builder conversation(Conversation conversation) {
            this.conversation = conversation;
            return this;
        }

        public Connect build() {
            if (conversation == null) {
                throw new IllegalStateException("<Connect> needs a <Conversation>");
            }
            return new Connect(attributes.build(), conversation);
        }
    }
}
