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

    private static boolean isWhitespace(char c) {
        return Characters.is(c, Characters.STRIPPED);
    }
}
