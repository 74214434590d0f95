package dev.parley.server.control;

import dev.parley.engine.call.CallEngine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets an HTTP request wait (in real time, bounded) until a call's run has ended, so a client reads a finished
 * timeline without polling. Fed by {@link CallEngine#onCallEnded}, which fires once the final status callback is answered.
 */
final class CallEndings {

    private final CallEngine engine;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    CallEndings(CallEngine engine) {
        this.engine = engine;
        engine.onCallEnded(call -> {
            CompletableFuture<Void> ended = waiting.remove(call.sid());
            if (ended != null) ended.complete(null);
        });
    }

    /** Waits until the call is no longer live, at most {@code limit}; true when it has ended. */
    boolean await(String callSid, Duration limit) {
        CompletableFuture<Void> ended = waiting.computeIfAbsent(callSid, sid -> new CompletableFuture<>());
        if (!engine.isLive(callSid)) {
            waiting.remove(callSid, ended);
            return true;
        }
        try {
            ended.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
