package dev.parley.twiml;

import java.util.Locale;
import java.util.Optional;

/**
 * Resolves the URLs written in TwiML ({@code action}, {@code url}, {@code <Redirect>}, {@code statusCallback})
 * against the URL of the document they appear in, by RFC 3986 §5.2 (java.net.URI follows the older RFC 2396
 * and gets some references wrong, e.g. {@code ?q} and {@code ../..} past the root).
 */
public final class UrlResolver {

    private UrlResolver() {
    }

    /**
     * The reference resolved against the base. An absolute reference is returned as written; a relative one
     * with no base (a document from a {@code Twiml} parameter) cannot be resolved.
     */
    public static Optional<String> resolve(Optional<String> base, String reference) {
        String ref = reference.strip();
        if (scheme(ref) != null) return Optional.of(removeDotSegmentsOfAbsolute(ref));
        return base.map(b -> resolve(b, ref));
    }

    /** RFC 3986 §5.2.2 with a base that must be absolute. */
    public static String resolve(String base, String reference) {
        Parts r = Parts.of(reference.strip());
        Parts b = Parts.of(base.strip());
        if (b.scheme == null) throw new IllegalArgumentException("base URL is not absolute: " + base);
        Parts t = new Parts();
        if (r.scheme != null) {
            t.scheme = r.scheme;
            t.authority = r.authority;
            t.path = removeDotSegments(r.path);
            t.query = r.query;
        } else {
            if (r.authority != null) {
                t.authority = r.authority;
                t.path = removeDotSegments(r.path);
                t.query = r.query;
            } else {
                if (r.path.isEmpty()) {
                    t.path = b.path;
                    t.query = r.query != null ? r.query : b.query;
                } else {
                    if (r.path.startsWith("/")) {
                        t.path = removeDotSegments(r.path);
                    } else {
                        t.path = removeDotSegments(merge(b, r.path));
                    }
                    t.query = r.query;
                }
                t.authority = b.authority;
            }
            t.scheme = b.scheme;
        }
        t.fragment = r.fragment;
        return t.toString();
    }

    /** Whether a reference is relative, or absolute with an http or https scheme (no {@code file:}, {@code javascript:}…). */
    public static boolean isHttpReference(String reference) {
        String ref = reference.strip();
        return scheme(ref) == null || isAbsoluteHttp(ref);
    }

    /** Whether the URL is absolute with an http or https scheme and a host. */
    public static boolean isAbsoluteHttp(String url) {
        Parts p = Parts.of(url.strip());
        if (p.scheme == null || p.authority == null) return false;
        String scheme = p.scheme.toLowerCase(Locale.ROOT);
        String host = p.authority.substring(p.authority.indexOf('@') + 1);
        return (scheme.equals("http") || scheme.equals("https")) && !host.isEmpty() && !host.startsWith(":");
    }

    private static String removeDotSegmentsOfAbsolute(String url) {
        Parts p = Parts.of(url);
        p.path = removeDotSegments(p.path);
        return p.toString();
    }

    private static String merge(Parts base, String path) {
        if (base.authority != null && base.path.isEmpty()) return "/" + path;
        int slash = base.path.lastIndexOf('/');
        return slash < 0 ? path : base.path.substring(0, slash + 1) + path;
    }

    /** RFC 3986 §5.2.4. */
    static String removeDotSegments(String path) {
        StringBuilder in = new StringBuilder(path);
        StringBuilder out = new StringBuilder(path.length());
        while (in.length() > 0) {
            if (startsWith(in, "../")) {
                in.delete(0, 3);
            } else if (startsWith(in, "./")) {
                in.delete(0, 2);
            } else if (startsWith(in, "/./")) {
                in.delete(0, 2);
            } else if (in.toString().equals("/.")) {
                in.replace(0, 2, "/");
            } else if (startsWith(in, "/../")) {
                in.delete(0, 3);
                removeLastSegment(out);
            } else if (in.toString().equals("/..")) {
                in.replace(0, 3, "/");
                removeLastSegment(out);
            } else if (in.toString().equals(".") || in.toString().equals("..")) {
                in.setLength(0);
            } else {
                int next = in.indexOf("/", in.charAt(0) == '/' ? 1 : 0);
                if (next < 0) next = in.length();
                out.append(in, 0, next);
                in.delete(0, next);
            }
        }
        return out.toString();
    }

    private static boolean startsWith(StringBuilder sb, String prefix) {
        return sb.length() >= prefix.length() && sb.substring(0, prefix.length()).equals(prefix);
    }

    private static void removeLastSegment(StringBuilder out) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
    }

    private static String scheme(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') return i > 0 ? s.substring(0, i) : null;
            boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
            if (!ok || c > 0x7F) return null;
        }
        return null;
    }

    /** The five components of RFC 3986 §3 (null when absent; the path is never null). */
    private static final class Parts {
        String scheme;
        String authority;
        String path = "";
        String query;
        String fragment;

        static Parts of(String s) {
            Parts p = new Parts();
            String rest = s;
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                p.fragment = rest.substring(hash + 1);
                rest = rest.substring(0, hash);
            }
            int question = rest.indexOf('?');
            if (question >= 0) {
                p.query = rest.substring(question + 1);
                rest = rest.substring(0, question);
            }
            p.scheme = scheme(rest);
            if (p.scheme != null) rest = rest.substring(p.scheme.length() + 1);
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                if (slash < 0) slash = rest.length();
                p.authority = rest.substring(2, slash);
                rest = rest.substring(slash);
            }
            p.path = rest;
            return p;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (scheme != null) sb.append(scheme).append(':');
            if (authority != null) sb.append("//").append(authority);
            sb.append(path);
            if (query != null) sb.append('?').append(query);
            if (fragment != null) sb.append('#').append(fragment);
            return sb.toString();
        }
    }
}
