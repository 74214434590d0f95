package dev.parley.server.control;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.Timeline;
import dev.parley.server.http.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * A call's timeline as JSON: the call's facts, whether it still runs ({@code live}), and its events with their
 * offset in seconds from the call's creation. The events include those of the legs it dialled.
 */
record TimelineView(String callSid, String accountSid, String from, String to, String direction, String status,
                    boolean live, String dateCreated, List<EventView> events, String url) {

    /** One event: {@code kind} is status, verb, media, webhook, alert, leg or api. */
    record EventView(String at, BigDecimal offset, String callSid, String kind, String text) {
    }

    static TimelineView of(Call call, boolean live, List<Timeline.Entry> entries, String url) {
        List<EventView> events = entries.stream().map(e -> new EventView(Json.instant(e.at()),
            Json.seconds(Duration.between(call.dateCreated(), e.at())), e.callSid(), e.kind(), e.text())).toList();
        return new TimelineView(call.sid(), call.accountSid(), call.from(), call.to(), call.direction().value(),
            call.status().value(), live, Json.instant(call.dateCreated()), events, url);
    }
}
