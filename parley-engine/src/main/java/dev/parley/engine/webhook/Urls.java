package dev.parley.engine.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** String surgery on webhook URLs that keeps every other character exactly as written (no re-encoding). */
final class Urls {

    private Urls() {
    }

    /** The URL without its {@code #fragment}. */
    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** The fragment, without the {@code #}. */
    static Optional<String> fragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? Optional.empty() : Optional.of(url.substring(hash + 1));
    }

    /** The {@code user:password} of {@code scheme://user:password@host/…}, if any. */
    static Optional<String> userInfo(String url) {
        int[] authority = authority(url);
        if (authority == null) return Optional.empty();
        int at = url.lastIndexOf('@', authority[1] - 1);
        return at < authority[0] ? Optional.empty() : Optional.of(url.substring(authority[0], at));
    }

    /** The URL without {@code user:password@}. */
    static String withoutUserInfo(String url) {
        int[] authority = authority(url);
        if (authority == null) return url;
        int at = url.lastIndexOf('@', authority[1] - 1);
        return at < authority[0] ? url : url.substring(0, authority[0]) + url.substring(at + 1);
    }

    /** Start (after {@code //}) and end of the authority, or null when the URL has none. */
    private static int[] authority(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) return null;
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
        return new int[] {start, end};
    }

    /** The URL with a form-encoded query appended after any existing query, with {@code &}. */
    static String appendQuery(String url, String form) {
        if (form.isEmpty()) return url;
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + form + fragment;
    }

    /**
     * Percent-encodes (UTF-8) every non-ASCII character, as a browser does with an IRI. Everything else,
     * including existing escapes, is left as written; a space or another character that is illegal in a URL
     * stays and makes the URL invalid (Twilio's 11100).
     */
    static String toAscii(String url) {
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x80) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(url.length() + 16).append(url, 0, i);
            int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
            for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
            i = end - 1;
        }
        return out == null ? url : out.toString();
    }
}
