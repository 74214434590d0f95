package dev.parley.twiml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The type of a TwiML attribute: how its text is read into a value, how a value is written back, and which
 * values are allowed. Values are {@link String}, {@link Integer}, {@link Boolean}, {@link HttpMethod} or
 * {@code List<String>}.
 */
abstract sealed class AttributeType {

    static final AttributeType TEXT = new Text();
    static final AttributeType URL = new Url(false);
    static final AttributeType ABSOLUTE_URL = new Url(true);
    static final AttributeType METHOD = new Method();
    static final AttributeType INTEGER = new Whole();
    static final AttributeType BOOLEAN = new Bool();

    static AttributeType oneOf(String... values) {
        return new OneOf(Set.of(values), values);
    }

    static AttributeType listOf(String... values) {
        return new ListOf(Set.of(values), values);
    }

    static AttributeType matching(String regex, String description) {
        return new Matching(Pattern.compile(regex), description);
    }

    /** Reads the attribute's text; {@code null} when the text is not an allowed value. */
    final Object read(String text) {
        return readWritten(text, text.toCharArray(), 0, text.length());
    }

    /**
     * {@link #read(String, char[], int, int)} as the parser calls it, for attributes of every type in one loop: the
     * JIT inlines a virtual call for at most two classes, so the common types are told apart here by their
     * (final) classes, which lets it inline their reads; the others take the virtual call.
     */
    final Object readWritten(String source, char[] chars, int start, int end) {
        if (this instanceof Text text) return text.read(source, chars, start, end);
        if (this instanceof Whole whole) return whole.read(source, chars, start, end);
        if (this instanceof Url url) return url.read(source, chars, start, end);
        if (this instanceof Bool bool) return bool.read(source, chars, start, end);
        if (this instanceof Method method) return method.read(source, chars, start, end);
        return read(source, chars, start, end);
    }

    /**
     * Reads the attribute's text {@code chars[start, end)}; {@code null} when it is not an allowed value. The
     * parser hands over the document itself, so that a number, a keyword or a method is read where it is
     * written, without a String in between; {@code source} holds the same characters at the same offsets, and
     * a value kept as text is a substring of it.
     */
    abstract Object read(String source, char[] chars, int start, int end);

    /** Writes a value (one this type accepts) as attribute text. */
    String write(Object value) {
        return value.toString();
    }

    /** Whether a value given to a builder is one this type accepts. */
    abstract boolean accepts(Object value);

    /** What the attribute takes, for messages: "an integer", "one of GET, POST". */
    abstract String describe();

    /** Whether {@code chars[start, end)} is ASCII, where case rules are plain. */
    private static boolean isAscii(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            if (chars[i] >= 0x80) return false;
        }
        return true;
    }

    /** Whether {@code chars[start, end)} is the ASCII word {@code upper} (written in capitals) in any case. */
    private static boolean isAsciiIgnoringCase(char[] chars, int start, int end, String upper) {
        if (end - start != upper.length()) return false;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c >= 'a' && c <= 'z') c -= 'a' - 'A';
            if (c != upper.charAt(i - start)) return false;
        }
        return true;
    }

    static final class Text extends AttributeType {
        Object read(String source, char[] chars, int start, int end) { return source.substring(start, end); }
        boolean accepts(Object v) { return v instanceof String; }
        String describe() { return "text"; }
    }

    static final class Url extends AttributeType {
        private final boolean absolute;
        Url(boolean absolute) { this.absolute = absolute; }

        Object read(String source, char[] chars, int start, int end) {
            int s = Strip.start(chars, start, end);
            int e = Strip.end(chars, s, end);
            if (s == e) return null;
            int http = httpAuthority(chars, s, e);
            if (http > s) return isHttpHost(chars, http, e) ? source.substring(s, e) : null;
            String url = source.substring(s, e);
            if (absolute ? !UrlResolver.isAbsoluteHttp(url) : !UrlResolver.isHttpReference(url)) return null;
            return url;
        }

        /** Where the authority starts when the URL starts {@code http://} or {@code https://} (as most do); else start. */
        private static int httpAuthority(char[] url, int start, int end) {
            if (end - start < 7 || url[start] != 'h' || url[start + 1] != 't' || url[start + 2] != 't' || url[start + 3] != 'p') {
                return start;
            }
            int colon = url[start + 4] == 's' ? start + 5 : start + 4;
            return colon + 3 <= end && url[colon] == ':' && url[colon + 1] == '/' && url[colon + 2] == '/' ? colon + 3 : start;
        }

        /**
         * {@link UrlResolver#isAbsoluteHttp} for such a URL, without taking it apart: the authority runs to the
         * first '/', '?' or '#', and its host (after the first '@' of the authority, if any) must be non-empty
         * and not start with ':'.
         */
        private static boolean isHttpHost(char[] url, int authority, int end) {
            int host = authority;
            int i = authority;
            for (; i < end; i++) {
                char c = url[i];
                if (c == '/' || c == '?' || c == '#') break;
                if (c == '@' && host == authority) host = i + 1;
            }
            return host < i && url[host] != ':';
        }
        boolean accepts(Object v) { return v instanceof String s && read(s) != null; }
        String describe() { return absolute ? "an absolute http(s) URL" : "a relative or an absolute http(s) URL"; }
    }

    static final class Method extends AttributeType {
        Object read(String source, char[] chars, int start, int end) {
            int s = Strip.start(chars, start, end);
            int e = Strip.end(chars, s, end);
            if (isAsciiIgnoringCase(chars, s, e, "GET")) return HttpMethod.GET;
            if (isAsciiIgnoringCase(chars, s, e, "POST")) return HttpMethod.POST;
            return isAscii(chars, s, e) ? null : byName(source.substring(s, e).toUpperCase(Locale.ROOT));
        }

        /** Beyond ASCII, Java's upper-casing decides (it maps a few letters, such as U+017F, onto ASCII ones). */
        private static HttpMethod byName(String upper) {
            return switch (upper) {
                case "GET" -> HttpMethod.GET;
                case "POST" -> HttpMethod.POST;
                default -> null;
            };
        }
        boolean accepts(Object v) { return v instanceof HttpMethod; }
        String describe() { return "GET or POST"; }
    }

    static final class Whole extends AttributeType {
        Object read(String source, char[] chars, int start, int end) {
            int s = Strip.start(chars, start, end);
            int e = Strip.end(chars, s, end);
            if (s == e || e - s > 9) return null;
            int value = 0;
            for (int i = s; i < e; i++) {
                char c = chars[i];
                if (c < '0' || c > '9') return null;
                value = value * 10 + (c - '0');
            }
            return value;
        }
        boolean accepts(Object v) { return v instanceof Integer i && i >= 0 && i <= 999_999_999; }
        String describe() { return "a whole number"; }
    }

    static final class Bool extends AttributeType {
        Object read(String source, char[] chars, int start, int end) {
            int s = Strip.start(chars, start, end);
            int e = Strip.end(chars, s, end);
            if (isAsciiIgnoringCase(chars, s, e, "TRUE")) return Boolean.TRUE;
            if (isAsciiIgnoringCase(chars, s, e, "FALSE")) return Boolean.FALSE;
            return isAscii(chars, s, e) ? null : byName(source.substring(s, e));
        }

        /** Beyond ASCII, Java's case-insensitive comparison decides (it folds a few letters onto ASCII ones). */
        private static Boolean byName(String s) {
            if (s.equalsIgnoreCase("true")) return Boolean.TRUE;
            if (s.equalsIgnoreCase("false")) return Boolean.FALSE;
            return null;
        }
        boolean accepts(Object v) { return v instanceof Boolean; }
        String describe() { return "true or false"; }
    }

    static final class OneOf extends AttributeType {
        private final Set<String> allowed;
        private final String[] ordered;
        private final XmlTokenizer.Names words;
        OneOf(Set<String> allowed, String[] ordered) {
            this.allowed = allowed;
            this.ordered = ordered;
            this.words = new XmlTokenizer.Names(allowed);
        }

        Object read(String source, char[] chars, int start, int end) {
            int s = Strip.start(chars, start, end);
            int e = Strip.end(chars, s, end);
            if (s == e) return allowed.contains("") ? "" : null;
            return words.find(chars, s, e - s);
        }
        boolean accepts(Object v) { return v instanceof String s && allowed.contains(s); }
        String describe() { return "one of " + String.join(", ", ordered); }
    }

    static final class ListOf extends AttributeType {
        private final Set<String> allowed;
        private final String[] ordered;
        private final XmlTokenizer.Names words;
        /** The one-value lists, shared: most lists hold one value. */
        private final Map<String, List<String>> singles = new HashMap<>();
        ListOf(Set<String> allowed, String[] ordered) {
            this.allowed = allowed;
            this.ordered = ordered;
            this.words = new XmlTokenizer.Names(allowed);
            for (String value : allowed) singles.put(value, List.of(value));
        }

        Object read(String source, char[] chars, int start, int end) {
            List<String> values = null;
            String first = null;
            int i = start;
            while (i < end) {
                while (i < end && isSpace(chars[i])) i++;
                int from = i;
                while (i < end && !isSpace(chars[i])) i++;
                if (i > from) {
                    String value = words.find(chars, from, i - from);
                    if (value == null) return null;
                    if (first == null) {
                        first = value;
                    } else {
                        if (values == null) values = new ArrayList<>(4);
                        if (values.isEmpty()) values.add(first);
                        values.add(value);
                    }
                }
            }
            if (first == null) return null;
            return values == null ? singles.get(first) : List.copyOf(values);
        }
        @Override
        String write(Object value) {
            return String.join(" ", asList(value));
        }
        boolean accepts(Object v) {
            if (!(v instanceof List<?> list) || list.isEmpty()) return false;
            for (Object o : list) if (!(o instanceof String s) || !allowed.contains(s)) return false;
            return true;
        }
        String describe() { return "a space-separated list of " + String.join(", ", ordered); }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }
        @SuppressWarnings("unchecked")
        private static List<String> asList(Object value) {
            return (List<String>) value;
        }
    }

    static final class Matching extends AttributeType {
        private final Pattern pattern;
        private final String description;
        /** The pattern as plain alternatives that match without a regex engine; null when it has another shape. */
        private final Run[] runs;
        Matching(Pattern pattern, String description) {
            this.pattern = pattern;
            this.description = description;
            this.runs = pattern.flags() == 0 ? Run.alternatives(pattern.pattern()) : null;
        }

        Object read(String source, char[] chars, int start, int end) {
            return matches(source, chars, start, end) ? source.substring(start, end) : null;
        }
        boolean matches(String text) {
            return matches(text, text.toCharArray(), 0, text.length());
        }
        private boolean matches(String source, char[] chars, int start, int end) {
            if (runs == null) return pattern.matcher(source.substring(start, end)).matches();
            for (Run run : runs) {
                if (run.matches(chars, start, end)) return true;
            }
            return false;
        }
        boolean accepts(Object v) { return v instanceof String s && read(s) != null; }
        String describe() { return description; }
    }

    /**
     * One alternative of the regexes the schema uses for attribute values, such as {@code IS[0-9a-zA-Z]{32}},
     * {@code [0-9wW#*]{1,32}} or {@code auto}: letters and digits written as they are, then at most one class
     * of ASCII characters and ranges with a quantifier ({@code ? * +}, {@code {n}} or {@code {m,n}}). A string
     * matches when it is the literal followed by min to max characters of the class; with the class last and
     * nothing after it, that is exactly what the regex matches.
     */
    record Run(String literal, boolean[] allowed, int min, int max) {

        boolean matches(char[] text, int start, int end) {
            int rest = end - start - literal.length();
            if (rest < min || rest > max) return false;
            for (int i = 0; i < literal.length(); i++) {
                if (text[start + i] != literal.charAt(i)) return false;
            }
            for (int i = start + literal.length(); i < end; i++) {
                char c = text[i];
                if (c >= 0x80 || !allowed[c]) return false;
            }
            return true;
        }

        /** The alternatives of a regex made only of such runs, separated by '|'; null for any other regex. */
        static Run[] alternatives(String regex) {
            List<Run> runs = new ArrayList<>();
            for (String alternative : regex.split("\\|", -1)) {
                Run run = of(alternative);
                if (run == null) return null;
                runs.add(run);
            }
            return runs.toArray(Run[]::new);
        }

        private static Run of(String regex) {
            int i = 0, n = regex.length();
            while (i < n && isAsciiLetterOrDigit(regex.charAt(i))) i++;
            String literal = regex.substring(0, i);
            boolean[] allowed = new boolean[0x80];
            if (i == n) return new Run(literal, allowed, 0, 0);
            if (regex.charAt(i) != '[') return null;
            int close = regex.indexOf(']', i + 1);
            if (close < 0) return null;
            for (int j = i + 1; j < close; j++) {
                char c = regex.charAt(j);
                if (c >= 0x80 || "\\[^&-".indexOf(c) >= 0) return null;
                if (j + 2 < close && regex.charAt(j + 1) == '-') {
                    char to = regex.charAt(j + 2);
                    if (to >= 0x80 || to < c || "\\[^&-".indexOf(to) >= 0) return null;
                    for (char k = c; k <= to; k++) allowed[k] = true;
                    j += 2;
                } else {
                    allowed[c] = true;
                }
            }
            String quantifier = regex.substring(close + 1);
            return switch (quantifier) {
                case "" -> new Run(literal, allowed, 1, 1);
                case "?" -> new Run(literal, allowed, 0, 1);
                case "*" -> new Run(literal, allowed, 0, Integer.MAX_VALUE);
                case "+" -> new Run(literal, allowed, 1, Integer.MAX_VALUE);
                default -> {
                    if (!quantifier.matches("\\{[0-9]{1,4}(,[0-9]{1,4})?}")) yield null;
                    String[] bounds = quantifier.substring(1, quantifier.length() - 1).split(",");
                    int min = Integer.parseInt(bounds[0]);
                    int max = bounds.length == 1 ? min : Integer.parseInt(bounds[1]);
                    yield min <= max ? new Run(literal, allowed, min, max) : null;
                }
            };
        }

        private static boolean isAsciiLetterOrDigit(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }
}
