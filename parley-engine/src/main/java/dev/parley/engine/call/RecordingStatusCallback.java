package dev.parley.engine.call;

import dev.parley.twiml.Conversation;
import dev.parley.twiml.Dial;
import dev.parley.twiml.HttpMethod;
import dev.parley.twiml.Record;
import java.util.List;
import java.util.Optional;

/**
 * Where a recording's status goes: {@code recordingStatusCallback} (resolved against the document), its method and
 * the events subscribed ({@code in-progress}, {@code completed}, {@code absent}). {@code <Record>}, {@code <Dial>}
 * and {@code <Conversation>} share these three attributes.
 */
record RecordingStatusCallback(Optional<String> url, HttpMethod method, List<String> events) {

    RecordingStatusCallback {
        events = List.copyOf(events);
    }

    static RecordingStatusCallback of(CallRun run, Record record) {
        return new RecordingStatusCallback(record.recordingStatusCallback().map(run::resolve),
            record.recordingStatusCallbackMethod(), record.recordingStatusCallbackEvents());
    }

    static RecordingStatusCallback of(CallRun run, Conversation conversation) {
        return new RecordingStatusCallback(conversation.recordingStatusCallback().map(run::resolve),
            conversation.recordingStatusCallbackMethod(), conversation.recordingStatusCallbackEvents());
    }

    static RecordingStatusCallback of(CallRun run, Dial dial) {
        return new RecordingStatusCallback(dial.recordingStatusCallback().map(run::resolve),
            dial.recordingStatusCallbackMethod(), dial.recordingStatusCallbackEvents());
    }

    boolean wants(String event) {
        return url.isPresent() && events.contains(event);
    }
}
