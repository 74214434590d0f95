package dev.parley.twiml;

/** Test messages that show control, white-space and non-ASCII characters as {@code \}{@code uXXXX}. */
final class Printable {

    private Printable() {
    }

    static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c >= 0x7F) out.append(String.format("\\u%04X", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
