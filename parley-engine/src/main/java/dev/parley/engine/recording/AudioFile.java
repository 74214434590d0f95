package dev.parley.engine.recording;

import dev.parley.engine.telephony.Audio;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Audio in a temporary file of bare samples (channels interleaved, 16-bit little-endian), deleted on release. */
final class AudioFile implements Audio {

    private final Path file;
    private final int sampleRate;
    private final int channels;
    private final long frames;

    AudioFile(Path file, int sampleRate, int channels, long frames) {
        this.file = file;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.frames = frames;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public long frames() {
        return frames;
    }

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
