package dev.parley.server.api2010;

import dev.parley.engine.call.CallRecordingOptions;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The recording parameters of Calls create, read with Twilio's defaults (OpenAPI 2010-04-01, {@code CreateCall}):
 * {@code Record} ({@code false}), {@code RecordingChannels} ({@code mono}|{@code dual}), {@code RecordingTrack}
 * ({@code inbound}|{@code outbound}|{@code both}, default {@code both}), {@code Trim} ({@code trim-silence}|
 * {@code do-not-trim}, default {@code trim-silence}), {@code RecordingStatusCallback} (an absolute URL: 21205, as the
 * call's other URLs), {@code RecordingStatusCallbackMethod} (21209), {@code RecordingStatusCallbackEvent}
 * ({@code in-progress completed absent}, repeated, space- or comma-separated; default {@code completed}). The options
 * are checked even without {@code Record=true}, so a misspelt value is never silently dropped.
 */
final class CallRecordingCreate {

    private static final Set<String> EVENTS = Set.of("in-progress", "completed", "absent");

    private CallRecordingCreate() {
    }

    /** The whole call's recording when {@code Record=true}; empty otherwise. */
    static Optional<CallRecordingOptions> read(Params params) {
        boolean record = params.bool("Record").orElse(false);
        boolean dual = choice(params, "RecordingChannels", List.of("mono", "dual"), "mono").equals("dual");
        CallRecordingOptions.Track track = CallRecordingOptions.Track.of(
            choice(params, "RecordingTrack", List.of("inbound", "outbound", "both"), "both")).orElseThrow();
        boolean trim = choice(params, "Trim", List.of("trim-silence", "do-not-trim"), "trim-silence")
            .equals("trim-silence");
        CallRecordingOptions options = CallRecordingOptions.defaults().withChannels(dual).withTrack(track).withTrim(trim);
        Optional<String> callback = FormRules.url(params, "RecordingStatusCallback", 21205);
        var method = FormRules.method(params, "RecordingStatusCallbackMethod", 21209);
        List<String> events = CallCreate.events(params, "RecordingStatusCallbackEvent", EVENTS, 20001);
        if (callback.isPresent()) options = options.withStatusCallback(callback.get(), method, events);
        return record ? Optional.of(options) : Optional.empty();
    }

    /** One of {@code values} (any case), or the default when not given. */
    private static String choice(Params params, String name, List<String> values, String otherwise) {
        Optional<String> given = params.first(name).map(String::strip).filter(v -> !v.isEmpty());
        if (given.isEmpty()) return otherwise;
        String value = given.get().toLowerCase(Locale.ROOT);
        if (!values.contains(value)) {
            throw ApiException.badRequest("Invalid " + name + ": " + Params.quoted(given.get()) + ", expected "
                + String.join(" or ", values));
        }
        return value;
    }
}
