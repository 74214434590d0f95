package dev.parley.engine.recording;

import dev.parley.engine.telephony.Audio;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Audio in a temporary file of bare samples (channels interleaved, 16-bit little-endian), deleted on release. */
record AudioFile(Path file, int sampleRate, int channels, long frames) implements Audio {

    @Override
    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void release() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
