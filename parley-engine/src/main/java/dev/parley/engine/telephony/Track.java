package dev.parley.engine.telephony;

/**
 * Which way the audio a capture records goes on a leg, in Twilio's words ("How to record a single side of a call"):
 * the inbound track "represents the audio received by Twilio" (the party's voice), the outbound track "the audio
 * that Twilio generates on the call" ({@code <Say>}, {@code <Play>}, beeps, digits, and whoever is bridged to the
 * leg: "if the caller is connected to agent via {@code <Dial>}, then the outbound track will contain the audio spoken
 * by agent").
 */
public enum Track {
    /** What the leg's party sends: its voice. */
    INBOUND,
    /** What the leg's party hears: Parley's media, ringback while a party dialled for it rings, the bridged parties. */
    OUTBOUND
}
