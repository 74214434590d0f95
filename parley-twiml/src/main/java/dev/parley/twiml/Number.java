package dev.parley.twiml;

import java.util.Optional;

/** {@code <Number>}: a phone number to dial. */
public record Number(Attributes attributes, String phoneNumber) implements DialTarget {

    @Override
    public String address() {
        return phoneNumber;
    }

    public Optional<String> sendDigits() { return attributes.text("sendDigits"); }

    @Override
    public String body() {
        return phoneNumber;
    }

    public static Builder builder(String phoneNumber) {
        return new Builder(phoneNumber);
    }

    public static final class Builder extends MachineDetectionBuilder<Builder> {
        private final String phoneNumber;

        public Builder(String phoneNumber) {
            super(TwimlSchema.NUMBER);
            this.phoneNumber = phoneNumber.strip();
        }

        public Builder sendDigits(String digits) { return set("sendDigits", digits); }
        public Builder byoc(String byoc) { return set("byoc", byoc); }

        public Number build() {
            return new Number(attributes.build(), phoneNumber);
        }
    }
}
