package dev.parley.twiml;

/** One attribute of a TwiML element: its exact (case-sensitive) name, its type, and Twilio's default. */
record AttributeSpec(String name, AttributeType type, Object defaultValue) {
}
