package dev.parley.twiml;

/** The document is not well-formed XML (or uses XML Parley refuses: a DTD, an entity). Offset is 0-based. */
final class XmlSyntaxException extends Exception {

    final int offset;

    XmlSyntaxException(String message, int offset) {
        super(message, null, false, false);
        this.offset = offset;
    }
}
