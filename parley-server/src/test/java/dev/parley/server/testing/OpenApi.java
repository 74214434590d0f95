package dev.parley.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Twilio's OpenAPI description of an API ({@code ../shared/reference/openapi/*.json}, found from the working
 * directory upwards, or {@code -Dparley.openapi=DIR}), as the contract a response must meet. {@link #check} finds the
 * operation by method and path (the path template that the concrete path matches, e.g.
 * {@code /2010-04-01/Accounts/AC…/Calls/CA….json} matches {@code …/Accounts/{AccountSid}/Calls/{Sid}.json}) and the
 * response by status, and validates the body against its schema with networknt's json-schema-validator in the
 * OpenAPI 3.0 dialect ({@code nullable} understood).
 *
 * <p>Stricter than the schemas say, as Twilio's responses are: every property of an object is required (Twilio
 * writes unset fields as {@code null}) and no other property may appear (a misspelt field name fails). Formats are
 * checked, with Twilio's own: {@code date-time-rfc-2822} ({@code Fri, 18 Oct 2019 17:00:00 +0000}), and
 * {@code uri} also takes a path relative to the host (the 2010 API's {@code uri}, {@code first_page_uri}…).
 * A status the operation does not document fails too.
 */
public final class OpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OpenApi> LOADED = new ConcurrentHashMap<>();
    private static final Pattern RFC_2822 = Pattern.compile(
        "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4}"
            + " [0-9]{2}:[0-9]{2}:[0-9]{2} \\+0000");

    private final String file;
    private final JsonNode spec;
    private final JsonNode components;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApi(String file, JsonNode spec) {
        this.file = file;
        this.spec = spec;
        this.components = strict(spec.get("components").deepCopy());
        Dialect dialect = Dialect.builder(Dialects.getOpenApi30())
            .format(format("date-time-rfc-2822", value -> RFC_2822.matcher(value).matches()))
            .format(format("uri", OpenApi::isUriOrPath))
            .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword)) // x-twilio, components…
            .build();
        this.registry = SchemaRegistry.withDialect(dialect, builder -> builder
            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** Twilio's REST API 2010-04-01 ({@code twilio_api_v2010.json}). */
    public static OpenApi api2010() {
        return load("twilio_api_v2010.json");
    }

    /** Conversations v1 ({@code twilio_conversations_v1.json}). */
    public static OpenApi conversationsV1() {
        return load("twilio_conversations_v1.json");
    }

    /** Frontline v1 ({@code twilio_frontline_v1.json}). */
    public static OpenApi frontlineV1() {
        return load("twilio_frontline_v1.json");
    }

    /** Monitor v1 ({@code twilio_monitor_v1.json}). */
    public static OpenApi monitorV1() {
        return load("twilio_monitor_v1.json");
    }

    /** One of the description files, by name ({@code twilio_conversations_v1.json}…). */
    public static OpenApi load(String file) {
        return LOADED.computeIfAbsent(file, f -> {
            try {
                return new OpenApi(f, JSON.readTree(directory().resolve(f).toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Where the description files are. */
    static Path directory() {
        Optional<String> configured = Optional.ofNullable(System.getProperty("parley.openapi"));
        if (configured.isPresent()) return Path.of(configured.get());
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference/openapi");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("Twilio's OpenAPI files are not in ../shared/reference/openapi above "
            + Path.of("").toAbsolutePath() + "; give their directory with -Dparley.openapi=DIR");
    }

    /**
     * The problems of a response against the contract: none when it meets it.
     *
     * @param path the request path, without the query (e.g. {@code /2010-04-01/Accounts/AC…/Calls.json})
     * @param body the body (a missing node when there was none)
     */
    public List<String> problems(String method, String path, int status, JsonNode body) {
        String template = template(path).orElse(null);
        if (template == null) return List.of("no path of " + file + " matches " + path);
        JsonNode operation = spec.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) return List.of(method + " " + template + " is not an operation of " + file);
        JsonNode response = operation.get("responses").get(String.valueOf(status));
        if (response == null) {
            return List.of(method + " " + template + " does not answer " + status + " in " + file + " (it answers "
                + names(operation.get("responses")) + ")");
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return body.isMissingNode() ? List.of() : List.of(status + " has no body in " + file + ", got " + body);
        }
        if (body.isMissingNode()) return List.of(method + " " + template + " " + status + " has no body");
        String key = method + " " + template + " " + status;
        List<Error> errors = schemas.computeIfAbsent(key, k -> compile(k, schema)).validate(body);
        List<String> problems = new ArrayList<>();
        errors.forEach(e -> problems.add(key + ": " + e));
        return problems;
    }

    /** Fails with every problem when the response does not meet the contract. */
    public void check(Http.Response response) {
        List<String> problems = problems(response.method(), response.path(), response.status(), response.json());
        if (!problems.isEmpty()) {
            throw new AssertionError("response does not meet " + file + ":\n  " + String.join("\n  ", problems)
                + "\nbody: " + response.json());
        }
    }

    /**
     * The path template a concrete path matches; of several, the one with the most literal characters. A path under
     * a product prefix ({@code /conversations/v1/…}, the form Parley serves for clients with a base URL per domain)
     * matches without its prefix.
     */
    Optional<String> template(String path) {
        Optional<String> template = templateOf(path);
        int second = path.indexOf('/', 1);
        return template.isPresent() || second < 0 ? template : templateOf(path.substring(second));
    }

    private Optional<String> templateOf(String path) {
        List<String> matches = new ArrayList<>();
        spec.get("paths").fieldNames().forEachRemaining(template -> {
            String regex = Pattern.quote(template).replaceAll("\\{[A-Za-z]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex)) matches.add(template);
        });
        return matches.stream().max(Comparator.comparingInt(t -> t.replaceAll("\\{[A-Za-z]+}", "").length()));
    }

    private Schema compile(String key, JsonNode responseSchema) {
        ObjectNode document = strict(responseSchema.deepCopy());
        document.set("components", components);
        return registry.getSchema(SchemaLocation.of("urn:parley:openapi:" + key.replaceAll("[^A-Za-z0-9]", "-")),
            document);
    }

    /** Requires every property of every object schema and refuses others (Twilio writes every field). */
    private static <T extends JsonNode> T strict(T node) {
        if (node instanceof ObjectNode object) {
            JsonNode properties = object.get("properties");
            if (properties instanceof ObjectNode props && !props.isEmpty()) {
                ArrayNode required = object.putArray("required");
                props.fieldNames().forEachRemaining(required::add);
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(OpenApi::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(OpenApi::strict);
        }
        return node;
    }

    private static boolean isUriOrPath(String value) {
        if (value.startsWith("/")) return URI.create("http://host" + value).getPath() != null;
        try {
            return URI.create(value).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return String.join(", ", names);
    }

    private static Format format(String name, java.util.function.Predicate<String> valid) {
        return new Format() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean matches(ExecutionContext context, String value) {
                try {
                    return valid.test(value);
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        };
    }
}
