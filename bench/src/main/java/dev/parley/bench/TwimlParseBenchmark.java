package dev.parley.bench;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import dev.parley.twiml.ParseResult;
import dev.parley.twiml.TwimlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a TwiML document into data, Parley beside twilio-java, in the same run.
 *
 * <ul>
 *   <li>{@code parley}: {@code TwimlParser.lenient().parse(doc)}, which checks well-formedness and validates
 *       every element, attribute value and nesting against the schema, and builds the model;</li>
 *   <li>{@code twilioJava}: {@code VoiceResponse.Builder.fromXml(doc).build()}, twilio-java's reader (Jackson XML
 *       over Woodstox, through its shared static mapper), which binds every element and attribute to its typed
 *       builder.</li>
 * </ul>
 *
 * One operation reads every document of the set: {@code seed} is the samples printed as "Output" on the
 * {@code <Connect><Conversation>} reference page (the 13 of 15 that twilio-java can read, see
 * {@link TwimlDocuments#SEED_TWILIO_JAVA_REJECTS}), {@code large} is one realistic IVR of about 11 KB. Before a
 * trial, {@link #verify()} checks that both sides read each document completely: Parley with no finding at all,
 * and both models, written back out, holding exactly the elements, attributes and text of the input.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class TwimlParseBenchmark {

    @Param({"seed", "large"})
    public String documents;

    private String[] docs;

    @Setup(Level.Trial)
    public void verify() throws TwiMLException {
        List<String> set = switch (documents) {
            case "seed" -> seedBothRead();
            case "large" -> List.of(TwimlDocuments.LARGE);
            default -> throw new IllegalArgumentException("unknown document set " + documents);
        };
        docs = set.toArray(String[]::new);
        for (String doc : docs) {
            XmlCensus input = XmlCensus.of(doc);
            if (input.elementCount() < 3) throw new IllegalStateException("not a real document: " + doc);
            checkParley(doc, input);

            VoiceResponse twilio = VoiceResponse.Builder.fromXml(doc).build();
            XmlCensus twilioOut = XmlCensus.of(twilio.toXml());
            if (!twilioOut.equals(input)) {
                throw new IllegalStateException("twilio-java's model holds " + twilioOut + ", the document " + input);
            }
        }
    }

    /** The seed samples both sides read; checks that the others are still the ones only Parley reads. */
    private static List<String> seedBothRead() {
        List<String> both = new ArrayList<>();
        for (int i = 0; i < TwimlDocuments.SEED.size(); i++) {
            String doc = TwimlDocuments.SEED.get(i);
            if (!TwimlDocuments.SEED_TWILIO_JAVA_REJECTS.contains(i)) {
                both.add(doc);
                continue;
            }
            checkParley(doc, XmlCensus.of(doc));
            try {
                VoiceResponse.Builder.fromXml(doc).build();
            } catch (TwiMLException expected) {
                continue;
            }
            throw new IllegalStateException("twilio-java now reads seed sample " + i + "; add it back to the set");
        }
        return both;
    }

    private static void checkParley(String doc, XmlCensus input) {
        ParseResult parley = TwimlParser.lenient().parse(doc);
        if (!parley.runnable() || !parley.findings().isEmpty()) {
            throw new IllegalStateException("Parley does not read the document cleanly: " + parley.findings());
        }
        XmlCensus parleyOut = XmlCensus.of(parley.response().orElseThrow().toXml());
        if (!parleyOut.equals(input)) {
            throw new IllegalStateException("Parley's model holds " + parleyOut + ", the document " + input);
        }
    }

    @Benchmark
    public void parley(Blackhole bh) {
        for (String doc : docs) {
            bh.consume(TwimlParser.lenient().parse(doc));
        }
    }

    @Benchmark
    public void twilioJava(Blackhole bh) throws TwiMLException {
        for (String doc : docs) {
            bh.consume(VoiceResponse.Builder.fromXml(doc).build());
        }
    }
}
