package dev.parley.engine;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Twilio SIDs: a two-letter prefix and 32 lowercase hex digits. Seeded in tests so that runs repeat. */
public final class Sids {

    private final RandomGenerator random;

    public Sids(RandomGenerator random) {
        this.random = random;
    }

    public static Sids secure() {
        return new Sids(new SecureRandom());
    }

    public synchronized String next(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** A 32-hex-digit secret, e.g. an auth token. */
    public synchronized String secret() {
        return next("");
    }

    public static boolean isSid(String value, String prefix) {
        return value != null && value.length() == 34 && value.startsWith(prefix)
            && value.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
