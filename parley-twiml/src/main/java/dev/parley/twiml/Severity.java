package dev.parley.twiml;

/** How serious a {@link Finding} is: an error stops the document from running, a warning does not. */
public enum Severity {
    ERROR, WARNING
}
