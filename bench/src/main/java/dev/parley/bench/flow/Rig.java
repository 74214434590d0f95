package dev.parley.bench.flow;

import dev.parley.engine.account.Account;
import dev.parley.engine.clock.Clock;
import java.time.Duration;

/**
 * What every part of a load run shares: the one measured transport (the same HTTP client throughout), the app,
 * the account whose token signs the webhooks, and the hang guard of each wait.
 */
record Rig(MeasuredTransport transport, FlowApp app, Account account, Duration deadline) {

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
     * Waits, up to the deadline, until the app has had {@code expected} requests and their outcomes are in the
     * tally (the last callbacks of a part are still on their way when its last flow ends); then makes the checks
     * every part makes. Fewer requests is not a wait forever: the checks count what is missing.
     */
    Errors settle(MeasuredTransport.Tally tally, long expected) {
        if (app.awaitRequests(expected, deadline)) tally.requests.await(expected, deadline);
        return Errors.of(tally, app.counts(), expected);
    }

    FlowDriver driver(Parley parley, int concurrency) {
        return new FlowDriver(parley, app, concurrency, deadline);
    }
}
