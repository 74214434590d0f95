package dev.parley.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js scripts of {@code src/test/node}, with the {@code twilio} package the build installed beside them
 * ({@code npm ci} into {@code target/node}, given to tests as {@code parley.node.dir}). A script prints one JSON
 * object per line; {@link #run} waits for it with a real-time deadline (a hang guard) and returns what it printed.
 */
public final class Node {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GUARD = Duration.ofSeconds(60);

    private final Path dir;
    private final Map<String, String> env;

    public Node(Map<String, String> env) {
        this.dir = Path.of(System.getProperty("parley.node.dir", "target/node"));
        if (!Files.isDirectory(dir.resolve("node_modules/twilio"))) {
            throw new IllegalStateException("the twilio npm package is not installed in " + dir.toAbsolutePath()
                + ": the Maven build installs it (npm ci) before the tests");
        }
        this.env = Map.copyOf(env);
    }

    /** Runs {@code node script args…}; fails unless it exits 0. */
    public List<JsonNode> run(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("parley-node", ".out");
            Path err = Files.createTempFile("parley-node", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not end within " + GUARD);
                }
                String printed = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new AssertionError(command + " exited " + process.exitValue() + ":\n" + printed
                        + Files.readString(err, StandardCharsets.UTF_8));
                }
                List<JsonNode> lines = new ArrayList<>();
                for (String line : printed.split("\n")) if (!line.isBlank()) lines.add(JSON.readTree(line));
                return lines;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The object a script printed for {@code step} (its {@code "step"} field); fails when there is none. */
    public static JsonNode step(List<JsonNode> printed, String step) {
        return printed.stream().filter(p -> p.path("step").asText().equals(step)).findFirst()
            .orElseThrow(() -> new AssertionError("no step " + step + " in " + printed));
    }
}
