package dev.parley.twiml;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The arrays a parse works in: a copy of the document, which the tokenizer scans, room to decode text and values
 * into before they become Strings, and the tokenizer's tables of open elements and attributes. Parses take them
 * from a small shared pool and give them back, so that reading a document does not allocate a document-sized
 * array and a dozen small ones each time; the JVM pays for every byte allocated when it clears the memory, and
 * these were most of what a parse allocated.
 *
 * <p>Lock-free: a parse that finds the pool empty works in new arrays, and arrays given back to a full pool are
 * dropped. Nothing a parse returns refers to these arrays.
 */
final class ParseBuffers {

    private static final int POOLED = 4;
    /** Arrays up to this size are kept; TwiML bodies are at most 64 KB. */
    private static final int MAX_KEPT = TwimlParser.MAX_BODY_BYTES;
    private static final AtomicReferenceArray<ParseBuffers> POOL = new AtomicReferenceArray<>(POOLED);

    private char[] document = new char[1024];
    private char[] scratch = new char[256];
    private long[] namesSeen = new long[2];
    // The tokenizer's tables (see XmlTokenizer), kept as it grows them.
    String[] open = new String[8];
    int[] attributeInts = new int[8 * 4];
    String[] attributeStrings = new String[8 * 2];

    /** Buffers from the pool, or new ones. */
    static ParseBuffers take() {
        for (int i = 0; i < POOLED; i++) {
            if (POOL.getAcquire(i) == null) continue;
            ParseBuffers buffers = POOL.getAndSet(i, null);
            if (buffers != null) return buffers;
        }
        return new ParseBuffers();
    }

    /**
     * Gives these buffers back to the pool (or drops them); the parse that took them must not use them again.
     * Without a compare-and-set: buffers given back at the same moment into the same free slot may replace each
     * other, and one is dropped, which is harmless; taking is what must be exclusive.
     */
    void giveBack() {
        if (document.length > MAX_KEPT) return;
        for (int i = 0; i < POOLED; i++) {
            if (POOL.getAcquire(i) == null) {
                POOL.setRelease(i, this);
                return;
            }
        }
    }

    /** The document's characters, copied into an array of at least its length. */
    char[] copy(String doc) {
        if (document.length < doc.length()) document = new char[Math.max(doc.length(), Math.min(document.length * 2, MAX_KEPT))];
        doc.getChars(0, doc.length(), document, 0);
        return document;
    }

    /** A cleared array of at least this many words, a bit per name. */
    long[] namesSeen(int words) {
        if (namesSeen.length < words) namesSeen = new long[words];
        Arrays.fill(namesSeen, 0L);
        return namesSeen;
    }

    /** An array of at least this length to decode into; its content is left over from earlier use. */
    char[] scratch(int length) {
        if (scratch.length < length) scratch = new char[Math.max(length, Math.min(scratch.length * 2, MAX_KEPT))];
        return scratch;
    }
}
