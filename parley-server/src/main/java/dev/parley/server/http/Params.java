package dev.parley.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a request, by Twilio's names ({@code To}, {@code AnswerAfter}): the query string, then the
 * body, form-encoded (as Twilio's APIs take them; a repeated name gives several values) or a JSON object (a list
 * gives several values). Getters check the values and refuse bad input with Twilio's error body.
 */
public final class Params {

    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Params of(Map<String, List<String>> values) {
        return new Params(Map.copyOf(values));
    }

    public static Params of(Context ctx) {
        Map<String, List<String>> values = new LinkedHashMap<>(ctx.queryParamMap());
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            values.putAll(json(ctx.body()));
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            values.putAll(ctx.formParamMap());
        }
        return of(values);
    }

    private static Map<String, List<String>> json(String body) {
        if (body.isBlank()) return Map.of();
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) throw ApiException.badRequest("The request body must be a JSON object");
        Map<String, List<String>> out = new LinkedHashMap<>();
        root.properties().forEach(field -> {
            JsonNode node = field.getValue();
            if (node.isNull()) return;
            List<String> list = new ArrayList<>();
            for (JsonNode item : node.isArray() ? node : List.of(node)) {
                if (!item.isValueNode() || item.isNull()) {
                    throw ApiException.badRequest("Invalid " + field.getKey() + ": expected a string, number or boolean");
                }
                list.add(item.asText());
            }
            out.put(field.getKey(), List.copyOf(list));
        });
        return out;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The first value of a parameter. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    /** Every value of a repeated parameter, in order. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** A parameter that must be there and not blank. */
    public String required(String name) {
        return first(name).filter(v -> !v.isBlank()).orElseThrow(() -> ApiException.missing(name));
    }

    /** A duration in seconds, 0 or more, with up to millisecond precision ({@code 1.5}). */
    public Optional<Duration> seconds(String name) {
        return first(name).map(value -> seconds(name, value));
    }

    /** Parses {@code value} as seconds (0 or more) for the parameter {@code name}. */
    public static Duration seconds(String name, String value) {
        try {
            BigDecimal seconds = new BigDecimal(value.strip());
            if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + name + ": expected seconds (a number, 0 or more), got '" + value + "'");
        }
    }

    /**
     * A value quoted for an error message, with a hint when it starts with a space and a digit: a {@code +} sent
     * unencoded in a form body reads as a space ({@code curl -d To=+1555…}).
     */
    public static String quoted(String value) {
        boolean plusLost = value.length() > 1 && value.charAt(0) == ' ' && Character.isDigit(value.charAt(1));
        return "'" + value + "'" + (plusLost
            ? " (a + sent unencoded in a form reads as a space: encode it as %2B, e.g. curl --data-urlencode)" : "");
    }

    /** {@code true} or {@code false} (any case). */
    public Optional<Boolean> bool(String name) {
        return first(name).map(value -> switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("Invalid " + name + ": expected true or false, got '" + value + "'");
        });
    }
}
