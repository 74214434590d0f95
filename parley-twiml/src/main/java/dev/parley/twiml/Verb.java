package dev.parley.twiml;

/** A verb directly inside {@code <Response>}: the instructions a call runs top to bottom. */
public sealed interface Verb extends TwimlNode permits Say, Play, Pause, Gather, Record, Hangup, Redirect, Reject, Dial, Connect {
}
