package dev.parley.engine.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A recording's audio file (WAV), streamed rather than held: its length is known up front (a {@code Content-Length})
 * and {@link #open} reads it from the start, in chunks, as often as needed.
 */
public interface Media {

    /** Bytes in the file. */
    long length();

    /** A new stream over the whole file. */
    InputStream open();

    /** The whole file in memory: for small media (tests), never a recording of unbounded length. */
    default byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Media held in memory. */
    static Media of(byte[] bytes) {
        byte[] kept = bytes.clone();
        return new Media() {
            @Override
            public long length() {
                return kept.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(kept);
            }
        };
    }
}
