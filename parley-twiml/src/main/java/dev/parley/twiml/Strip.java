package dev.parley.twiml;

/**
 * {@link String#strip()} on a range of a {@code char[]}: the parser strips attribute values and element text
 * where the document holds them, and copies only what remains.
 */
final class Strip {

    private Strip() {
    }

    /** Where {@code chars[start, end)} starts once its leading white space is stripped. */
    static int start(char[] chars, int start, int end) {
        while (start < end && isWhitespace(chars[start])) start++;
        return start;
    }

    /** Where {@code chars[start, end)} ends once its trailing white space is stripped. */
    static int end(char[] chars, int start, int end) {
        while (end > start && isWhitespace(chars[end - 1])) end--;
        return end;
    }

    /** {@link String#strip()}'s test ({@link Character#isWhitespace}); no surrogate is white space, so a char will do. */
    private static boolean isWhitespace(char c) {
        return c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F')
            : c >= 0x80 && Character.isWhitespace(c);
    }
}
