package dev.parley.engine.telephony;

/** Something that happened on a leg, as the telephony adapter reports it. */
public sealed interface LegEvent {

    /** The called party's device is ringing. */
    record Ringing() implements LegEvent { }

    /** The called party answered. */
    record Answered() implements LegEvent { }

    /** The called party is busy (SIP 486). */
    record Busy() implements LegEvent { }

    /** The called party refused the call (SIP 603/decline): Twilio reports it as busy on a dialled leg. */
    record Declined() implements LegEvent { }

    /** The address cannot be reached (no such number or device, network error). */
    record Failed(String reason) implements LegEvent { }

    /** The party hung up. */
    record HungUp() implements LegEvent { }

    /** The party pressed a key: one of 0-9, *, #, A-D. */
    record Digit(char key) implements LegEvent { }

    /**
     * The party started speaking (voice activity). Reported only while a capture runs on the leg: at once when a
     * capture starts while the party speaks, then at each change.
     */
    record SpeechStarted() implements LegEvent { }

    /** The party stopped speaking: silence from now (reported like {@link SpeechStarted}). */
    record SpeechStopped() implements LegEvent { }

    /** Media started with the given id finished (or was stopped). */
    record MediaDone(long mediaId) implements LegEvent { }
}
