package dev.parley.server.api2010;

import dev.parley.engine.store.TimeRange;
import dev.parley.server.http.Params;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Twilio's date filters on a list: {@code Name=2009-07-06} (that UTC day; of an instant, its UTC day), {@code Name<…} (before it),
 * {@code Name>…} (on or after it), as one {@link TimeRange}. {@code StartTime}, {@code EndTime} on Calls,
 * {@code DateCreated} on Recordings.
 */
final class DateFilter {

    private DateFilter() {
    }

    static TimeRange of(Params params, String name) {
        TimeRange range = TimeRange.ALL;
        for (String value : params.all(name)) {
            range = range.and(TimeRange.onDay(LocalDate.ofInstant(FormRules.date(name, value), ZoneOffset.UTC)));
        }
        for (String value : params.all(name + "<")) range = range.and(TimeRange.before(FormRules.date(name + "<", value)));
        for (String value : params.all(name + ">")) range = range.and(TimeRange.atOrAfter(FormRules.date(name + ">", value)));
        return range;
    }
}
