package dev.parley.twiml;

import java.util.Optional;

/** {@code <Sip>}: a SIP URI to dial. */
public record Sip(Attributes attributes, String sipUrl) implements DialTarget {

    @Override
    public String address() {
        return sipUrl;
    }

    public Optional<String> username() { return attributes.text("username"); }
    public Optional<String> password() { return attributes.text("password"); }

    @Override
    public String body() {
        return sipUrl;
    }

    public static Builder builder(String sipUrl) {
        return new Builder(sipUrl);
    }

    public static final class Builder extends MachineDetectionBuilder<Builder> {
        private final String sipUrl;

        public Builder(String sipUrl) {
            super(TwimlSchema.SIP);
            this.sipUrl = sipUrl.strip();
        }

        public Builder username(String username) { return set("username", username); }
        public Builder password(String password) { return set("password", password); }

        public Sip build() {
            return new Sip(attributes.build(), sipUrl);
        }
    }
}
