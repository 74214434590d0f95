package dev.parley.twiml;

/** {@code <Redirect>}: continues the call with the TwiML at a URL (relative to the current document). */
public record Redirect(Attributes attributes, String url) implements Verb {

    public HttpMethod method() { return attributes.method("method"); }

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
            super(TwimlSchema.REDIRECT);
            this.url = url.strip();
        }

        public Builder method(HttpMethod method) { return set("method", method); }

        public Redirect build() {
            return new Redirect(attributes.build(), url);
        }
    }
}
