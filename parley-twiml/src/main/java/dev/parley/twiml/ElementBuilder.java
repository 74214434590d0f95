package dev.parley.twiml;

import java.util.List;

/** The part every element builder shares: attributes set by name and checked against the schema. */
abstract class ElementBuilder<B extends ElementBuilder<B>> {

    final Attributes.Builder attributes;

    ElementBuilder(ElementSpec spec) {
        this.attributes = new Attributes.Builder(spec);
    }

    @SuppressWarnings("unchecked")
    final B set(String name, Object value) {
        attributes.set(name, value);
        return (B) this;
    }

    /** Any attribute of the element by its TwiML name, with a typed value (like twilio-java's {@code option}). */
    public B option(String name, Object value) {
        return set(name, value);
    }

    static <E extends Enum<E> & TwimlValue> List<String> values(List<E> list) {
        return list.stream().map(TwimlValue::value).toList();
    }
}
