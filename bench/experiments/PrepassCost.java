import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What a simdjson-style pre-pass would cost the TwiML tokenizer (docs/benchmarks.md, "Session 6"): the document
 * copied into a char[] and classified 32 chars a step into a bitmap of the characters a scan stops at. Not part of
 * the build (it needs the incubator module); run it as a single source file:
 * {@code java --add-modules jdk.incubator.vector bench/experiments/PrepassCost.java DOCUMENT}.
 */
public class PrepassCost {

    private static final VectorSpecies<Short> SPECIES = ShortVector.SPECIES_PREFERRED;
    private static final int ROUNDS = 200_000;

    private static void classify(char[] chars, int n, long[] bits) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            ShortVector v = ShortVector.fromCharArray(SPECIES, chars, i);
            VectorMask<Short> stop = v.compare(VectorOperators.ULT, (short) 0x20)
                .or(v.compare(VectorOperators.EQ, (short) '<'))
                .or(v.compare(VectorOperators.EQ, (short) '>'))
                .or(v.compare(VectorOperators.EQ, (short) '&'))
                .or(v.compare(VectorOperators.EQ, (short) '"'))
                .or(v.compare(VectorOperators.EQ, (short) '\''))
                .or(v.compare(VectorOperators.UGE, (short) 0xFFFE));
            bits[i >>> 6] |= stop.toLong() << (i & 63);
        }
        for (; i < n; i++) {
            if (stops(chars[i])) bits[i >>> 6] |= 1L << i;
        }
    }

    private static boolean stops(char c) {
        return c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"' || c == '\'' || c >= 0xFFFE;
    }

    private static int countScalar(char[] chars, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (stops(chars[i])) count++;
        }
        return count;
    }

    public static void main(String[] args) throws Exception {
        String doc = Files.readString(Path.of(args[0]));
        int n = doc.length();
        char[] chars = new char[n];
        long[] bits = new long[(n + 63) >>> 6];
        long sink = 0;
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < ROUNDS; k++) {
                doc.getChars(0, n, chars, 0);
                Arrays.fill(bits, 0L);
                classify(chars, n, bits);
                sink += bits[k % bits.length];
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < ROUNDS; k++) {
                doc.getChars(0, n, chars, 0);
                sink += countScalar(chars, n);
            }
            long t2 = System.nanoTime();
            System.out.printf("pre-pass %.3f us   scalar count %.3f us   (%d lanes)%n",
                (t1 - t0) / 1000.0 / ROUNDS, (t2 - t1) / 1000.0 / ROUNDS, SPECIES.length());
        }
        int set = 0;
        for (long word : bits) set += Long.bitCount(word);
        if (set != countScalar(chars, n)) throw new IllegalStateException("the bitmap and the scalar count disagree");
        System.out.println("stop characters: " + set + " (" + sink + ")");
    }
}
