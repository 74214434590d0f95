package dev.parley.engine.call;

import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.TimelineEntry;
import dev.parley.engine.store.TimelineStore;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happened on a call, in order: leg states, verbs run, media, every webhook with its response code and
 * latency, alerts. Tests and bug reports read it; the console draws it as a ladder diagram. Each line goes
 * straight to the {@link TimelineStore}, which keeps it with the call: the engine holds none of it, so an ended
 * call leaves nothing of its timeline in memory, and a restart loses none of it.
 */
public final class Timeline {

    private static final Logger LOG = LoggerFactory.getLogger(Timeline.class);

    private final TimelineStore store;

    Timeline(TimelineStore store) {
        this.store = store;
    }

    /** A line on the call's timeline. */
    public void add(Instant at, Call call, String kind, String text) {
        add(at, call.accountSid(), call.sid(), kind, text);
    }

    /**
     * A line about a resource of the account: a call's is kept on its timeline; one about anything else (an
     * account's callback, an alert about a conversation) is not, as only calls have timelines. A store that fails
     * loses the line, not the call.
     */
    public void add(Instant at, String accountSid, String sid, String kind, String text) {
        try {
            store.append(new TimelineEntry(accountSid, sid, at, kind, text));
        } catch (StoreException e) {
            LOG.warn("timeline line of {} could not be stored: {} {}", sid, kind, text, e);
        }
    }

    /** The call's timeline and those of the legs it dialled, interleaved in the order it all happened. */
    public List<TimelineEntry> of(Call call) {
        return store.withLegs(call.accountSid(), call.sid());
    }

    /** The lines of {@link #of(Call)} of one kind (e.g. {@code webhook}). */
    public List<TimelineEntry> of(Call call, String kind) {
        return of(call).stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
