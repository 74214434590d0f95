package dev.parley.bench.flow;

/** A load run that cannot go on (flows stalled past the hang guard, a pilot flow that went wrong). */
final class LoadFailure extends RuntimeException {

    LoadFailure(String message) {
        super(message);
    }
}
