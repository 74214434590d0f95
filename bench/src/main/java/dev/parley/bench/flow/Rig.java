package dev.parley.bench.flow;

import dev.parley.engine.account.Account;
import dev.parley.engine.clock.Clock;
import java.time.Duration;

/**
 * What every part of a load run shares: the one measured transport (the same HTTP client throughout), the app,
 * the account whose token signs the webhooks, and the hang guard of each wait.
 */
record Rig(MeasuredTransport transport, FlowApp app, Account account, Duration deadline) {

    /** How long the last webhooks of a part may take to come in once its flows are done (a hang guard). */
    private static final Duration STRAGGLERS = Duration.ofSeconds(30);

    /** A fresh Parley on this clock, sending through the rig's transport to the rig's app. */
    Parley parley(Clock clock) {
        return new Parley(clock, transport, app, account);
    }

    /** Starts counting a new part of the run: the app's counts from zero, a new tally at the transport. */
    MeasuredTransport.Tally start() {
        app.reset();
        return transport.start();
    }

    /**
     * Waits until the transport has the outcomes of {@code expected} webhooks (the last callbacks of a part are
     * still on their way when its last flow ends), then makes the checks every part makes. The app counts a
     * request before it answers, so its counts are final by then. A webhook that never went out does not make
     * this wait long: the checks count it missing.
     */
    Errors settle(MeasuredTransport.Tally tally, long expected) {
        tally.requests.await(expected, deadline.compareTo(STRAGGLERS) < 0 ? deadline : STRAGGLERS);
        return Errors.of(tally, app.counts(), expected);
    }

    FlowDriver driver(Parley parley, int concurrency) {
        return new FlowDriver(parley, app, concurrency, deadline);
    }
}
