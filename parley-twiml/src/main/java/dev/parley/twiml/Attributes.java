package dev.parley.twiml;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes written on one TwiML element, as typed values (immutable). An attribute not written is
 * absent; its Twilio default is what {@link #valueOrDefault} returns.
 */
public final class Attributes {

    private final ElementSpec spec;
    private final Object[] values;

    private Attributes(ElementSpec spec, Object[] values) {
        this.spec = spec;
        this.values = values;
    }

    static Attributes none(ElementSpec spec) {
        return spec.none;
    }

    /** For the parser: the attributes as read, taking over the array (indexed like the schema's attributes). */
    static Attributes of(ElementSpec spec, Object[] values) {
        return new Attributes(spec, values);
    }

    /** The element these attributes belong to, e.g. {@code Gather}. */
    public String element() {
        return spec.name;
    }

    /** The value written for an attribute, if any. */
    public Optional<Object> get(String name) {
        return Optional.ofNullable(values[index(name)]);
    }

    /** Whether the document wrote this attribute. */
    public boolean has(String name) {
        return values[index(name)] != null;
    }

    /** The written attributes in schema order, as their typed values. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) map.put(spec.attributes[i].name(), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The written attributes in schema order, as the text the writer puts in the document. */
    public Map<String, String> asText() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) map.put(spec.attributes[i].name(), spec.attributes[i].type().write(values[i]));
        }
        return Collections.unmodifiableMap(map);
    }

    public boolean isEmpty() {
        for (Object v : values) if (v != null) return false;
        return true;
    }

    Object valueOrDefault(String name) {
        int i = index(name);
        return values[i] != null ? values[i] : spec.attributes[i].defaultValue();
    }

    Optional<String> text(String name) {
        return Optional.ofNullable((String) valueOrDefault(name));
    }

    Optional<Integer> integer(String name) {
        return Optional.ofNullable((Integer) valueOrDefault(name));
    }

    boolean bool(String name) {
        return Boolean.TRUE.equals(valueOrDefault(name));
    }

    HttpMethod method(String name) {
        Object v = valueOrDefault(name);
        return v == null ? HttpMethod.POST : (HttpMethod) v;
    }

    @SuppressWarnings("unchecked")
    List<String> list(String name) {
        Object v = valueOrDefault(name);
        return v == null ? List.of() : (List<String>) v;
    }

    Object valueAt(int i) {
        return values[i];
    }

    ElementSpec spec() {
        return spec;
    }

    private int index(String name) {
        int i = spec.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("<" + spec.name + "> has no attribute '" + name + "'");
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes a && a.spec == spec && Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() {
        return spec.name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asText().toString();
    }

    /** Sets attributes by name, checking each value against the schema. */
    static final class Builder {
        private final ElementSpec spec;
        private final Object[] values;

        Builder(ElementSpec spec) {
            this.spec = spec;
            this.values = new Object[spec.attributes.length];
        }

        Builder set(String name, Object value) {
            AttributeSpec attribute = spec.attribute(name);
            Object v = value instanceof List<?> l ? List.copyOf(l) : value;
            if (v != null && !attribute.type().accepts(v)) {
                throw new IllegalArgumentException("<" + spec.name + " " + name + "> takes " + attribute.type().describe() + ", not '" + value + "'");
            }
            values[spec.indexOf(name)] = v;
            return this;
        }

        Attributes build() {
            return new Attributes(spec, values.clone());
        }
    }
}
