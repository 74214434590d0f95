package dev.parley.twiml;

import java.util.Map;

/** Writes TwiML as clean XML: an XML declaration, then elements with their written attributes in schema order. */
public final class TwimlWriter {

    private TwimlWriter() {
    }

    /** Compact XML, as twilio-java writes it. */
    public static String write(VoiceResponse response) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        element(out, response, -1);
        return out.toString();
    }

    /** Indented XML, for people to read. */
    public static String writePretty(VoiceResponse response) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        element(out, response, 0);
        return out.append('\n').toString();
    }

    private static void element(StringBuilder out, TwimlNode node, int indent) {
        if (indent > 0) out.append("  ".repeat(indent));
        out.append('<').append(node.name());
        for (Map.Entry<String, String> attribute : node.attributes().asText().entrySet()) {
            out.append(' ').append(attribute.getKey()).append("=\"");
            escape(out, attribute.getValue(), true);
            out.append('"');
        }
        String body = node.body();
        var children = node.children();
        if (body.isEmpty() && children.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        escape(out, body, false);
        for (TwimlNode child : children) {
            if (indent >= 0) out.append('\n');
            element(out, child, indent < 0 ? -1 : indent + 1);
        }
        if (indent >= 0 && !children.isEmpty()) {
            out.append('\n');
            if (indent > 0) out.append("  ".repeat(indent));
        }
        out.append("</").append(node.name()).append('>');
    }

    private static void escape(StringBuilder out, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
    }
}
