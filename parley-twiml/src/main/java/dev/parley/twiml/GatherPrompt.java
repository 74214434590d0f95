package dev.parley.twiml;

/** What {@code <Gather>} may nest: the prompts it plays while it listens. */
public sealed interface GatherPrompt extends TwimlNode permits Say, Play, Pause {
}
