package dev.parley.twiml;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A pull tokenizer for the XML that TwiML is written in: a pure function of its input, like Jetty's
 * HttpParser. It checks well-formedness (XML 1.0: one root, matching tags, quoted and unique attributes,
 * legal characters, references) and is safe by construction: a DOCTYPE is refused (so no DTD, no external
 * or user-defined entity, no entity expansion), only the five predefined entities and character references
 * are read, nesting is bounded, and every step consumes input, so time is linear in the document.
 *
 * <p>Comments and processing instructions are skipped; CDATA sections come out as text.
 */
final class XmlTokenizer {

    enum Token { START, END, TEXT, EOF }

    private final String doc;
    private final char[] chars; // the same (up to length), for the loops that read it character by character
    private final ParseBuffers buffers;
    private final int length;
    private final int maxDepth;
    private int pos;

    private String[] open; // the names of the open elements, outermost first
    private int depth;
    private boolean rootClosed;
    private boolean rootSeen;
    private boolean pendingEnd;

    // The current token.
    private int tokenStart;
    private String name;
    private String text; // null until asked for (CDATA: at once): white space between elements costs nothing
    private int textStart;
    private int textEnd;
    private boolean textCr;
    // Text with references: its core, from the first to the last character that is not white space, decoded at
    // once (so that a bad reference is reported at once); every reference is inside it.
    private String core;
    private int coreStart;
    private int coreEnd;
    private boolean whitespace;
    private int nameId;
    private int attributeCount;
    /** A bit per known name (by id), set for the attributes of the tag so far: a name written twice is found at once. */
    private final long[] namesSeen;
    // Per attribute i of the tag: at ints[i * 4] its name's id, where it starts, where its value starts and ends
    // (a value is where the document holds it, and becomes a String only when asked for); at strings[i * 2] its
    // name, and its value decoded, when it has references or white space to normalise (decoded at once, so
    // that a bad reference is reported at once; null when the value is plain).
    private int[] attributeInts;
    private String[] attributeStrings;

    // Lazy line/column: the last position computed, so positions cost nothing until a finding asks.
    private int positionOffset;
    private int positionLine = 1;
    private int positionLineStart;

    private final Names names;
    private final boolean whitespaceText;
    /** The id of the name readName read last, -1 for a name that is not one of the names. */
    private int readId;

    XmlTokenizer(String doc, int maxDepth) {
        this(doc, maxDepth, Names.NONE);
    }

    /** A tokenizer that returns the given names as the same String instances, rather than copies. */
    XmlTokenizer(String doc, int maxDepth, Names names) {
        this(doc, maxDepth, names, true, new ParseBuffers());
    }

    /**
     * As above, working in the given buffers; without {@code whitespaceText}, text that is only white space
     * (between elements, mostly) is checked but not returned, for a reader that has no use for it.
     */
    XmlTokenizer(String doc, int maxDepth, Names names, boolean whitespaceText, ParseBuffers buffers) {
        this.doc = doc;
        this.buffers = buffers;
        this.chars = buffers.copy(doc);
        this.length = doc.length();
        this.maxDepth = maxDepth;
        this.names = names;
        this.whitespaceText = whitespaceText;
        this.namesSeen = buffers.namesSeen((names.size() + 63) >>> 6);
        this.open = buffers.open;
        this.attributeInts = buffers.attributeInts;
        this.attributeStrings = buffers.attributeStrings;
    }

    String name() { return name; }
    /** The id, among the names, of the name of the START tag just returned; -1 when it is not one of them. */
    int nameId() { return nameId; }
    String text() {
        if (text == null) {
            text = core == null ? normalised(textStart, textEnd)
                : normalised(textStart, coreStart) + core + normalised(coreEnd, textEnd);
        }
        return text;
    }

    /** {@code text().strip()}, copying only the stripped text. */
    String strippedText() {
        if (text != null) return text.strip();
        if (core != null) return core.strip();
        // The text's token starts at its first character that is not XML white space: strip from there.
        int start = Strip.start(chars, tokenStart, textEnd);
        return normalised(start, Strip.end(chars, start, textEnd));
    }

    /** Whether the text just returned runs up to an end tag: nothing else can follow it in its element. */
    boolean textEndsElement() {
        return pos + 1 < length && chars[pos] == '<' && chars[pos + 1] == '/';
    }

    boolean isWhitespace() { return whitespace; }
    int attributeCount() { return attributeCount; }
    String attributeName(int i) { return attributeStrings[i * 2]; }
    /** The id, among the names, of the name of attribute i; -1 when it is not one of them. */
    int attributeNameId(int i) { return attributeInts[i * 4]; }
    String attributeValue(int i) {
        String decoded = attributeStrings[i * 2 + 1];
        return decoded != null ? decoded : doc.substring(valueStart(i), valueEnd(i));
    }
    /**
     * Whether the value of attribute i reads as written: then it is {@code chars()[valueStart(i), valueEnd(i))},
     * the same as {@code document()} there, and a reader need not copy it.
     */
    boolean isPlain(int i) { return attributeStrings[i * 2 + 1] == null; }
    int valueStart(int i) { return attributeInts[i * 4 + 2]; }
    int valueEnd(int i) { return attributeInts[i * 4 + 3]; }
    char[] chars() { return chars; }
    String document() { return doc; }
    int attributeOffset(int i) { return attributeInts[i * 4 + 1]; }
    int tokenOffset() { return tokenStart; }
    int depth() { return depth; }

    Token next() throws XmlSyntaxException {
        if (pendingEnd) {
            pendingEnd = false;
            name = open[--depth];
            if (depth == 0) rootClosed = true;
            return Token.END;
        }
        if (pos == 0) prolog();
        while (true) {
            tokenStart = pos;
            if (pos >= length) {
                if (depth > 0) throw error("the document ends before </" + open[depth - 1] + ">", length);
                if (!rootSeen) throw error("the document has no root element", length);
                return Token.EOF;
            }
            char c = chars[pos];
            if (c == '<') {
                char after = pos + 1 < length ? chars[pos + 1] : '\0';
                if (after == '/') {
                    return endTag();
                } else if (after == '?') {
                    processingInstruction();
                } else if (after != '!') {
                    return startTag();
                } else if (startsWith("<!--")) {
                    comment();
                } else if (startsWith("<![CDATA[")) {
                    if (depth == 0) throw error("CDATA outside the root element", pos);
                    return cdata();
                } else {
                    if (startsWith("<!DOCTYPE")) throw error("DOCTYPE is not allowed: TwiML takes no DTD", pos);
                    throw error("markup '<!' that is not a comment or CDATA", pos);
                }
            } else {
                Token t = characterData();
                if (t != null) return t;
            }
        }
    }

    /** Skips the rest of the element whose START was just returned, up to and including its END. */
    void skipElement() throws XmlSyntaxException {
        int target = depth - 1;
        while (true) {
            Token t = next();
            if (t == Token.END && depth == target) return;
            if (t == Token.EOF) return;
        }
    }

    /** 1-based line of an offset. */
    int line(int offset) {
        locate(offset);
        return positionLine;
    }

    /** 1-based column of an offset. */
    int column(int offset) {
        locate(offset);
        return offset - positionLineStart + 1;
    }

    private void locate(int offset) {
        if (offset < positionOffset) {
            positionOffset = 0;
            positionLine = 1;
            positionLineStart = 0;
        }
        for (int i = positionOffset; i < offset && i < length; i++) {
            char c = chars[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= length || chars[i + 1] != '\n'))) {
                positionLine++;
                positionLineStart = i + 1;
            }
        }
        positionOffset = offset;
    }

    private void prolog() throws XmlSyntaxException {
        if (length > 0 && chars[0] == '\uFEFF') pos = 1;
        if (startsWith("<?xml") && pos + 5 < length && isSpace(chars[pos + 5])) {
            int end = doc.indexOf("?>", pos);
            if (end < 0) throw error("the XML declaration is not closed", pos);
            String declaration = doc.substring(pos + 5, end);
            if (!declaration.strip().startsWith("version")) throw error("the XML declaration has no version", pos);
            pos = end + 2;
        }
    }

    private Token characterData() throws XmlSyntaxException {
        int n = length;
        int start = pos;
        int i = start;
        boolean cr = false; // a CR to read as LF (XML end-of-line handling)
        char[] cs = chars;
        for (char c; i < n && isSpace(c = cs[i]); i++) {
            if (c == '\r') cr = true;
        }
        // The first character that is not white space: where stray text is reported.
        int first = i < n && cs[i] != '<' ? i : -1;
        boolean ws = first < 0;
        boolean reference = false;
        for (; i < n; i++) {
            char c = cs[i];
            if (Characters.is(c, Characters.TEXT_SPECIAL)) {
                if (c == '<') {
                    break;
                } else if (c == '&') {
                    reference = true;
                } else if (c == '\r') {
                    cr = true;
                } else if (c == '>') {
                    if (i >= 2 && cs[i - 1] == ']' && cs[i - 2] == ']') {
                        throw error("']]>' is not allowed in text", i - 2);
                    }
                } else if (c >= '\uFFFE') {
                    throw error("character U+" + Integer.toHexString(c) + " is not allowed", i);
                } else {
                    throw error("control character U+" + String.format("%04X", (int) c) + " is not allowed", i);
                }
            }
        }
        int end = i;
        pos = end;
        if (depth == 0) {
            if (!ws) {
                throw error(rootSeen ? "text after the root element" : "content before the root element", first);
            }
            return null;
        }
        if (ws && !whitespaceText) return null;
        tokenStart = first < 0 ? start : first;
        text = null;
        core = null;
        if (reference) {
            int last = end;
            while (isSpace(chars[last - 1])) last--;
            core = decode(first, last, false, !cr);
            coreStart = first;
            coreEnd = last;
        }
        textStart = start;
        textEnd = end;
        textCr = cr;
        whitespace = ws;
        return Token.TEXT;
    }

    private Token cdata() throws XmlSyntaxException {
        int start = pos + 9;
        int end = doc.indexOf("]]>", start);
        if (end < 0) throw error("a CDATA section is not closed", pos);
        for (int i = start; i < end; i++) checkChar(chars[i], i);
        tokenStart = pos;
        text = doc.substring(start, end);
        core = null;
        whitespace = text.isBlank();
        pos = end + 3;
        return Token.TEXT;
    }

    private void comment() throws XmlSyntaxException {
        int end = doc.indexOf("--", pos + 4);
        if (end < 0) throw error("a comment is not closed", pos);
        if (end + 2 >= length || chars[end + 2] != '>') throw error("'--' is not allowed inside a comment", end);
        for (int i = pos + 4; i < end; i++) checkChar(chars[i], i);
        pos = end + 3;
    }

    private void processingInstruction() throws XmlSyntaxException {
        int start = pos;
        pos += 2;
        String target = readName();
        if (target.equalsIgnoreCase("xml")) {
            throw error("the XML declaration must come first in the document, with nothing before it", start);
        }
        int end = doc.indexOf("?>", pos);
        if (end < 0) throw error("a processing instruction is not closed", start);
        pos = end + 2;
    }

    private Token startTag() throws XmlSyntaxException {
        if (rootClosed) throw error("a second root element", pos);
        int start = pos;
        pos++;
        name = readName();
        nameId = readId;
        if (attributeCount > 0) Arrays.fill(namesSeen, 0L);
        attributeCount = 0;
        while (true) {
            boolean spaced = skipSpace();
            if (pos >= length) throw error("<" + name + " is not closed", start);
            char c = chars[pos];
            if (c == '>') {
                pos++;
                break;
            }
            if (c == '/') {
                if (pos + 1 < length && chars[pos + 1] == '>') {
                    pos += 2;
                    pendingEnd = true;
                    break;
                }
                throw error("'/' must be followed by '>'", pos);
            }
            if (!spaced) throw error("attributes must be separated by white space", pos);
            attribute();
        }
        if (depth == maxDepth) throw error("elements are nested deeper than " + maxDepth, start);
        if (depth == open.length) buffers.open = open = Arrays.copyOf(open, depth * 2);
        open[depth++] = name;
        rootSeen = true;
        tokenStart = start;
        return Token.START;
    }

    // The common path of an attribute is kept small, and what is rare is in methods of its own: small enough, the
    // JIT compiles it into the loop of its start tag.
    private void attribute() throws XmlSyntaxException {
        int start = pos;
        String attributeName = readName();
        int id = readId;
        if (pos + 1 < length && chars[pos] == '=' && isQuote(chars[pos + 1])) {
            pos++;
        } else {
            equalsAndQuote(attributeName);
        }
        char quote = chars[pos];
        int valueStart = ++pos;
        int close = valueEnd(valueStart, quote, attributeName);
        String decoded = valueFlags == 0 ? null : decode(valueStart, close, true, valueFlags == REFERENCES);
        pos = close + 1;
        if (id >= 0) {
            long bit = 1L << id;
            if ((namesSeen[id >>> 6] & bit) != 0) throw twice(attributeName, start);
            namesSeen[id >>> 6] |= bit;
        } else {
            unknownNameOnce(attributeName, start);
        }
        if (attributeCount * 2 == attributeStrings.length) moreAttributes();
        int i = attributeCount++;
        attributeInts[i * 4] = id;
        attributeInts[i * 4 + 1] = start;
        attributeInts[i * 4 + 2] = valueStart;
        attributeInts[i * 4 + 3] = close;
        attributeStrings[i * 2] = attributeName;
        attributeStrings[i * 2 + 1] = decoded;
    }

    /** Moves past '=' with white space around it, to the quote that opens the value; or says what is wrong. */
    private void equalsAndQuote(String attributeName) throws XmlSyntaxException {
        skipSpace();
        if (pos >= length || chars[pos] != '=') throw error("attribute " + attributeName + " has no '='", pos);
        pos++;
        skipSpace();
        if (pos >= length) throw error("attribute " + attributeName + " has no value", pos);
        if (!isQuote(chars[pos])) throw error("the value of " + attributeName + " must be quoted", pos);
    }

    private static final int REFERENCES = 1;
    private static final int SPACES = 2; // tab, LF or CR: normalised to a space
    /** What the value valueEnd scanned last holds that decoding changes: REFERENCES, SPACES, both or neither. */
    private int valueFlags;

    /** Where the value from start ends (at its closing quote), checking its characters on the way. */
    private int valueEnd(int start, char quote, String attributeName) throws XmlSyntaxException {
        char[] cs = chars;
        int n = length;
        int flags = 0;
        int close = start;
        for (; close < n; close++) {
            char c = cs[close];
            if (Characters.is(c, Characters.ATTRIBUTE_SPECIAL)) {
                if (c == quote) break;
                if (c == '<') throw error("'<' is not allowed in an attribute value", close);
                if (c == '&') flags |= REFERENCES;
                else if (c == '\t' || c == '\n' || c == '\r') flags |= SPACES;
                else if (c != '"' && c != '\'') checkChar(c, close);
            }
        }
        if (close == n) throw error("the value of " + attributeName + " is not closed", start - 1);
        valueFlags = flags;
        return close;
    }

    private XmlSyntaxException twice(String attributeName, int start) {
        return error("attribute " + attributeName + " is written twice", start);
    }

    /** A name that is not one of the names: compared with the other such names of the tag. */
    private void unknownNameOnce(String attributeName, int start) throws XmlSyntaxException {
        for (int i = 0; i < attributeCount; i++) {
            if (attributeInts[i * 4] < 0 && attributeStrings[i * 2].equals(attributeName)) throw twice(attributeName, start);
        }
    }

    private void moreAttributes() {
        buffers.attributeInts = attributeInts = Arrays.copyOf(attributeInts, attributeInts.length * 2);
        buffers.attributeStrings = attributeStrings = Arrays.copyOf(attributeStrings, attributeStrings.length * 2);
    }

    private Token endTag() throws XmlSyntaxException {
        int start = pos;
        pos += 2;
        String closing = closesOpen() ? open[depth - 1] : readName();
        skipSpace();
        if (pos >= length || chars[pos] != '>') throw error("</" + closing + " is not closed", start);
        pos++;
        if (depth == 0) throw error("</" + closing + "> closes nothing", start);
        if (!open[depth - 1].equals(closing)) {
            throw error("</" + closing + "> does not match <" + open[depth - 1] + ">", start);
        }
        depth--;
        if (depth == 0) rootClosed = true;
        name = closing;
        tokenStart = start;
        return Token.END;
    }

    /** Whether the end tag's name (at pos) is the open element's; if so, moves past it. */
    private boolean closesOpen() {
        if (depth == 0) return false;
        String open = this.open[depth - 1];
        int end = pos + open.length();
        if (!doc.startsWith(open, pos) || (end < length && isNameChar(chars[end]))) return false;
        pos = end;
        return true;
    }

    private String readName() throws XmlSyntaxException {
        int start = pos;
        int n = length;
        char[] cs = chars;
        if (start >= n || !Characters.is(cs[start], Characters.NAME_START)) throw error("a name is expected here", start);
        int p = start + 1;
        while (p < n && Characters.is(cs[p], Characters.NAME)) p++;
        pos = p;
        int slot = names.slot(chars, start, p - start);
        if (slot < 0) {
            readId = -1;
            return doc.substring(start, p);
        }
        readId = names.ids[slot];
        return names.table[slot];
    }

    /**
     * Reads text with references; in attribute values, tab/CR/LF become spaces (XML attribute normalisation).
     * With {@code referencesOnly}, the text is known to hold no CR (nor, in a value, tab or LF): the copy jumps
     * from one '&' to the next.
     */
    private String decode(int start, int end, boolean attribute, boolean referencesOnly) throws XmlSyntaxException {
        // Never longer than the input: a reference is at least 4 characters and stands for at most 2.
        char[] out = buffers.scratch(end - start);
        int n = 0;
        int i = start;
        while (true) {
            int next = referencesOnly ? doc.indexOf('&', i, end) : nextToDecode(i, end, attribute);
            if (next < 0) next = end;
            System.arraycopy(chars, i, out, n, next - i);
            n += next - i;
            if (next == end) break;
            char c = chars[next];
            if (c == '&') {
                int semi = doc.indexOf(';', next);
                if (semi < 0 || semi >= end || semi - next > 12) throw error("'&' must start a reference such as &amp;", next);
                n += reference(next, semi, out, n);
                i = semi + 1;
            } else if (c == '\r') {
                out[n++] = attribute ? ' ' : '\n';
                i = next + 1 < end && chars[next + 1] == '\n' ? next + 2 : next + 1;
            } else {
                out[n++] = ' ';
                i = next + 1;
            }
        }
        return new String(out, 0, n);
    }

    /** The next character from i that decoding changes: '&', CR, and in an attribute value tab and LF; else end. */
    private int nextToDecode(int i, int end, boolean attribute) {
        for (; i < end; i++) {
            char c = chars[i];
            if (c == '&' || c == '\r' || (attribute && (c == '\t' || c == '\n'))) return i;
        }
        return end;
    }

    /** Writes the character(s) of the reference {@code doc[amp, semi]} to out at n; returns how many. */
    private int reference(int amp, int semi, char[] out, int n) throws XmlSyntaxException {
        char[] cs = chars;
        int length = semi - amp - 1;
        char first = length > 0 ? cs[amp + 1] : ';';
        char c = switch (length) {
            case 2 -> cs[amp + 2] != 't' ? 0 : first == 'l' ? '<' : first == 'g' ? '>' : 0;
            case 3 -> first == 'a' && cs[amp + 2] == 'm' && cs[amp + 3] == 'p' ? '&' : 0;
            case 4 -> first == 'a' && cs[amp + 2] == 'p' && cs[amp + 3] == 'o' && cs[amp + 4] == 's' ? '\''
                : first == 'q' && cs[amp + 2] == 'u' && cs[amp + 3] == 'o' && cs[amp + 4] == 't' ? '"' : 0;
            default -> 0;
        };
        if (c != 0) {
            out[n] = c;
            return 1;
        }
        if (first != '#') throw error("entity &" + doc.substring(amp + 1, semi) + "; is not defined (TwiML takes no DTD)", amp);
        return Character.toChars(characterReference(amp, semi), out, n);
    }

    /** Text without references, as it reads: with a CR, through {@link #lineEnds}. */
    private String normalised(int start, int end) {
        return textCr ? lineEnds(start, end) : doc.substring(start, end);
    }

    /** Text without references, with XML end-of-line handling: CR LF and a lone CR read as LF. */
    private String lineEnds(int start, int end) {
        char[] out = buffers.scratch(end - start);
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c != '\r') {
                out[n++] = c;
            } else {
                out[n++] = '\n';
                if (i + 1 < end && chars[i + 1] == '\n') i++;
            }
        }
        return new String(out, 0, n);
    }

    /** The code point of the character reference {@code doc[amp, semi]} ({@code &#...;}). */
    private int characterReference(int amp, int semi) throws XmlSyntaxException {
        boolean hex = semi - amp > 2 && chars[amp + 2] == 'x';
        int radix = hex ? 16 : 10;
        int from = amp + (hex ? 3 : 2);
        // ASCII digits only (Integer.parseInt would also take a sign and non-ASCII digits), and an int's worth.
        long cp = 0;
        for (int i = from; i < semi; i++) {
            char d = chars[i];
            int digit = d < 0x80 ? Character.digit(d, radix) : -1;
            if (digit < 0) throw error("bad character reference &" + doc.substring(amp + 1, semi) + ";", amp);
            cp = cp * radix + digit;
        }
        if (from == semi || cp > Integer.MAX_VALUE) {
            throw error("bad character reference &" + doc.substring(amp + 1, semi) + ";", amp);
        }
        boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!legal) {
            throw error("character reference &" + doc.substring(amp + 1, semi) + "; names a character XML does not allow", amp);
        }
        return (int) cp;
    }

    private void checkChar(char c, int offset) throws XmlSyntaxException {
        if (Characters.is(c, Characters.ILLEGAL)) {
            throw error("character U+" + String.format("%04X", (int) c) + " is not allowed", offset);
        }
    }

    private boolean skipSpace() {
        int start = pos;
        int p = start;
        char[] cs = chars;
        int n = length;
        while (p < n && isSpace(cs[p])) p++;
        pos = p;
        return p > start;
    }

    private boolean startsWith(String s) {
        return doc.startsWith(s, pos);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static boolean isSpace(char c) {
        return Characters.is(c, Characters.SPACE);
    }

    private static boolean isNameChar(char c) {
        return Characters.is(c, Characters.NAME);
    }

    private XmlSyntaxException error(String message, int offset) {
        return new XmlSyntaxException(message, offset);
    }

    /**
     * A fixed set of names (a schema's element and attribute names, or the values of an enumeration) that are
     * found where a document writes them and returned as shared instances: no copy per tag or attribute, and
     * later lookups and comparisons hit the cached hash and the identity check. Each name also has an id, its
     * position in the collection it was built from, by which a reader can index tables. Immutable, so one table
     * serves every tokenizer.
     */
    static final class Names {

        static final Names NONE = new Names(List.of());

        // Open addressing, at most a quarter full; a slot holds a name, its hash, its characters and its id.
        private final String[] table;
        private final int[] hashes;
        private final char[][] spellings;
        private final int[] ids;
        private final int mask;
        private final int size;

        Names(Collection<String> names) {
            int slots = 16;
            while (slots < names.size() * 4) slots <<= 1;
            table = new String[slots];
            hashes = new int[slots];
            spellings = new char[slots][];
            ids = new int[slots];
            mask = slots - 1;
            int next = 0;
            for (String name : names) {
                if (name.isEmpty()) continue; // no XML name is empty
                char[] spelling = name.toCharArray();
                int hash = hash(spelling, 0, spelling.length);
                int i = hash & mask;
                while (table[i] != null && !table[i].equals(name)) i = (i + 1) & mask;
                if (table[i] != null) continue; // written twice
                table[i] = name;
                hashes[i] = hash;
                spellings[i] = spelling;
                ids[i] = next++;
            }
            size = next;
        }

        /** How many names; their ids are 0 to size - 1. */
        int size() {
            return size;
        }

        /** The id of a name of the set, or -1. */
        int id(String name) {
            int slot = name.isEmpty() ? -1 : slot(name.toCharArray(), 0, name.length());
            return slot < 0 ? -1 : ids[slot];
        }

        /** The name written at {@code doc[start, start + length)} (length at least 1), or null. */
        String find(char[] doc, int start, int length) {
            int slot = slot(doc, start, length);
            return slot < 0 ? null : table[slot];
        }

        /** Where the name written at {@code doc[start, start + length)} (length at least 1) is, or -1. */
        private int slot(char[] doc, int start, int length) {
            int hash = hash(doc, start, length);
            for (int i = hash & mask; ; i = (i + 1) & mask) {
                char[] spelling = spellings[i];
                if (spelling == null) return -1;
                // Arrays.equals compares with the JVM's vectorised intrinsic: cheaper here than a loop.
                if (hashes[i] == hash && Arrays.equals(doc, start, start + length, spelling, 0, spelling.length)) return i;
            }
        }

        /**
         * A hash of the length and three characters: unlike String's, it costs nothing per character. Names that
         * collide only cost a comparison, since the spelling is always compared.
         */
        private static int hash(char[] s, int start, int length) {
            int h = length * 0x9E3779B1 + s[start] * 31 + s[start + length - 1] * 961 + s[start + (length >> 1)] * 29791;
            return h ^ (h >>> 16);
        }
    }
}
