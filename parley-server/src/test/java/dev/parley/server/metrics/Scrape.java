package dev.parley.server.metrics;

import java.util.Arrays;
import java.util.Optional;

/** Reads samples out of Prometheus's text format, as a scraper would. */
record Scrape(String text) {

    /**
     * The value of the sample named {@code name} whose labels include these ({@code key=value} pairs, any order);
     * empty when there is none.
     */
    Optional<Double> value(String name, String... labels) {
        return text.lines().filter(line -> !line.startsWith("#"))
            .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
            .filter(line -> Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(quoted(label))))
            .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .findFirst();
    }

    private static String labelsOf(String line) {
        int open = line.indexOf('{');
        return open < 0 ? "" : "," + line.substring(open + 1, line.indexOf('}')) + ",";
    }

    /** {@code a=b} as it appears between commas: {@code ,a="b",}. */
    private static String quoted(String label) {
        int eq = label.indexOf('=');
        return "," + label.substring(0, eq) + "=\"" + label.substring(eq + 1) + "\",";
    }
}
