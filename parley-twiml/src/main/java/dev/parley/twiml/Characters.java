package dev.parley.twiml;

/**
 * What each character is to the parser, as bits in one table indexed by the character: every test of the
 * scanning loops is one lookup (no {@code char} can index out of it), with no separate case for
 * characters beyond ASCII.
 */
final class Characters {

    private Characters() {
    }

    /** A character that may start an XML name (the ranges of XML 1.0 that fit a single {@code char}). */
    static final byte NAME_START = 1;
    /** A character that may continue an XML name. */
    static final byte NAME = 2;
    /** XML white space: space, tab, LF, CR. */
    static final byte SPACE = 4;
    /** Characters of text that need a closer look: '<', controls (CR is read as LF), '&', '>' (of "]]>"), U+FFFE/F. */
    static final byte TEXT_SPECIAL = 8;
    /** Characters of an attribute value that need a closer look: quotes, controls (normalised or refused), '&', '<', U+FFFE/F. */
    static final byte ATTRIBUTE_SPECIAL = 16;
    /** What {@link String#strip()} strips: {@link Character#isWhitespace} (no surrogate is white space). */
    static final byte STRIPPED = 32;
    /** Characters XML does not allow: controls other than tab, LF and CR, and U+FFFE/F. */
    static final byte ILLEGAL = 64;

    private static final byte[] CLASS = new byte[0x10000];

    static {
        for (int i = 0; i < 0x10000; i++) {
            char c = (char) i;
            boolean nameStart = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                || (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0xFFFE);
            boolean name = nameStart || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == 0xB7;
            boolean space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            boolean illegal = (c < ' ' && c != '\t' && c != '\n' && c != '\r') || c >= '\uFFFE';
            boolean text = illegal || c == '\r' || c == '<' || c == '&' || c == '>';
            boolean attribute = c < ' ' || illegal || c == '"' || c == '\'' || c == '&' || c == '<';
            CLASS[i] = (byte) ((nameStart ? NAME_START : 0) | (name ? NAME : 0) | (space ? SPACE : 0)
                | (text ? TEXT_SPECIAL : 0) | (attribute ? ATTRIBUTE_SPECIAL : 0)
                | (Character.isWhitespace(c) ? STRIPPED : 0) | (illegal ? ILLEGAL : 0));
        }
    }

    /** Whether the character is of the given class (one of the constants above, or several or-ed: any of them). */
    static boolean is(char c, byte kind) {
        return (CLASS[c] & kind) != 0;
    }
}
