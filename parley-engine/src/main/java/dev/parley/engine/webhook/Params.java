package dev.parley.engine.webhook;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The form parameters of a webhook request, in the order they were added; a name may repeat. This is what
 * Parley sends as the {@code application/x-www-form-urlencoded} body of a POST, or appends to the query of a
 * GET, and what {@link WebhookSignature} signs.
 *
 * <p>Mutable and not thread-safe, like a builder: {@code new Params().add("Digits", "1").add("FinishedOnKey", "#")}.
 * A {@link WebhookRequest} keeps its own copy.
 */
public final class Params implements Iterable<Param> {

    private final List<Param> params;

    public Params() {
        this.params = new ArrayList<>();
    }

    private Params(List<Param> params) {
        this.params = new ArrayList<>(params);
    }

    /** Parameters from alternating names and values: {@code Params.of("From", "+1415…", "To", "+1800…")}. */
    public static Params of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Params result = new Params();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            result.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return result;
    }

    /**
     * Reads an {@code application/x-www-form-urlencoded} string (a POST body or a query without the {@code ?}),
     * UTF-8, {@code +} as space. Empty pieces are skipped; a piece without {@code =} has an empty value.
     *
     * @throws IllegalArgumentException for a malformed {@code %} escape
     */
    public static Params parseForm(String form) {
        Params result = new Params();
        if (form.isEmpty()) return result;
        for (String piece : form.split("&")) {
            if (piece.isEmpty()) continue;
            int eq = piece.indexOf('=');
            String name = eq < 0 ? piece : piece.substring(0, eq);
            String value = eq < 0 ? "" : piece.substring(eq + 1);
            result.add(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return result;
    }

    /** Appends a parameter, keeping any earlier one of the same name. */
    public Params add(String name, String value) {
        params.add(new Param(name, value));
        return this;
    }

    public Params add(Param param) {
        params.add(Objects.requireNonNull(param, "param"));
        return this;
    }

    /** Appends every parameter of {@code other}, in its order. */
    public Params addAll(Params other) {
        params.addAll(other.params);
        return this;
    }

    /** Replaces every parameter of this name by one (appended at the position of the first, or at the end). */
    public Params set(String name, String value) {
        int first = -1;
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                first = i;
                break;
            }
        }
        params.removeIf(p -> p.name().equals(name));
        params.add(first < 0 ? params.size() : first, new Param(name, value));
        return this;
    }

    /** Removes every parameter of this name. */
    public Params remove(String name) {
        params.removeIf(p -> p.name().equals(name));
        return this;
    }

    /** The value of the first parameter of this name. */
    public Optional<String> get(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) return Optional.of(p.value());
        }
        return Optional.empty();
    }

    /** The values of every parameter of this name, in order. */
    public List<String> getAll(String name) {
        return params.stream().filter(p -> p.name().equals(name)).map(Param::value).toList();
    }

    public boolean contains(String name) {
        return get(name).isPresent();
    }

    /** Every parameter, in the order added (an unmodifiable snapshot). */
    public List<Param> all() {
        return List.copyOf(params);
    }

    public int size() {
        return params.size();
    }

    public boolean isEmpty() {
        return params.isEmpty();
    }

    public Params copy() {
        return new Params(params);
    }

    /**
     * The parameters as {@code application/x-www-form-urlencoded}, UTF-8, in order. A space is written
     * {@code %20}, as Twilio writes it (captured bodies read {@code Timestamp=Sun%2C%2025%20Mar%202018…});
     * every form decoder also reads it.
     */
    public String toForm() {
        StringBuilder out = new StringBuilder(params.size() * 24);
        for (Param p : params) {
            if (!out.isEmpty()) out.append('&');
            out.append(encode(p.name())).append('=').append(encode(p.value()));
        }
        return out.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public Iterator<Param> iterator() {
        return Collections.unmodifiableList(params).iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params other && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return params.hashCode();
    }

    @Override
    public String toString() {
        return params.toString();
    }
}
