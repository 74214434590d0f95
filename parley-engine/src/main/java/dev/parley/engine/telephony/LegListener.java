package dev.parley.engine.telephony;

/** Where a telephony adapter reports what happens on a leg. Called from any thread; must not block. */
@FunctionalInterface
public interface LegListener {
    void on(LegEvent event);
}
