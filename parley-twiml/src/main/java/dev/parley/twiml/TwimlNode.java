package dev.parley.twiml;

import java.util.List;

/** Any element of a TwiML document as data: its attributes, the elements it nests, its text. */
public sealed interface TwimlNode permits VoiceResponse, Verb, GatherPrompt, DialTarget, Conversation, Parameter {

    /** The attributes written on the element. */
    Attributes attributes();

    /** The element's name, e.g. {@code Gather}. */
    default String name() {
        return attributes().element();
    }

    /** The nested elements, in document order. */
    default List<? extends TwimlNode> children() {
        return List.of();
    }

    /** The element's text (trimmed), or the empty string. */
    default String body() {
        return "";
    }
}
