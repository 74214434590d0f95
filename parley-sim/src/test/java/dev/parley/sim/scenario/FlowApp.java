package dev.parley.sim.scenario;

import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.scenario.InProcessTransport.Answer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The app of one randomized flow: it answers every webhook (TwiML documents generated from the flow's seed and
 * the document's id, or failures; callbacks with 204, sometimes 500), keeps every request with the virtual time
 * it arrived, and remembers every verb it handed out so that the invariants can tell what each one owed.
 *
 * <p>Paths: TwiML at {@code /t/<document id>} ({@code v} inbound, {@code o} outbound, {@code u<k>} a live update,
 * {@code f} the fallback); verb {@code i} of document {@code D} points at {@code /t/D-g<i>} (Gather action),
 * {@code -r<i>} (Record), {@code -d<i>} (Dial), {@code -x<i>} (Redirect), so every URL names one verb of one
 * document, and each is requested at most once. The fallback document that replaces {@code D} is {@code D~f}.
 * Callbacks go to {@code /cb/s} (the call), {@code /cb/c/...} (a dialled leg), {@code /cb/r/...} (a recording),
 * {@code /cb/w} (the recording of the whole call).
 */
final class FlowApp implements InProcessTransport.App {

    static final String STATUS = "/cb/s";
    static final String WHOLE_RECORDING = "/cb/w";
    static final String FALLBACK = "/t/f";

    record GatherSpec(String docId, boolean actionOnEmptyResult, String finishOnKey) {
    }

    record RecordSpec(String docId, String actionPath, String callbackPath) {
    }

    /** A Dial of the app's documents: its action, the addresses of its nouns in order, and whether it dials them one by one. */
    record DialSpec(String docId, Optional<String> actionPath, List<String> targets, boolean sequential) {
    }

    record TargetSpec(String address, Optional<String> callbackPath, List<String> events) {
    }

    final FlowPlan plan;
    final String base;
    final VirtualNetwork network;
    private final VirtualClock clock;
    private final FlowDocuments documents;
    private final List<AppRequest> log = new CopyOnWriteArrayList<>();
    /** TwiML paths some document, the call's setup or an update pointed at. */
    final Set<String> offered = ConcurrentHashMap.newKeySet();
    final Map<String, GatherSpec> gathers = new ConcurrentHashMap<>();
    final Map<String, RecordSpec> records = new ConcurrentHashMap<>();
    final List<DialSpec> dials = new CopyOnWriteArrayList<>();
    final Map<String, TargetSpec> targets = new ConcurrentHashMap<>();
    /** Document id to what was served: the XML, or the failure. */
    final Map<String, String> served = new ConcurrentHashMap<>();

    FlowApp(FlowPlan plan, String base, VirtualNetwork network, VirtualClock clock) {
        this.plan = plan;
        this.base = base;
        this.network = network;
        this.clock = clock;
        this.documents = new FlowDocuments(this);
    }

    List<AppRequest> log() {
        return List.copyOf(log);
    }

    /** An inline document (a {@code Twiml} parameter): absolute URLs, as it has no URL of its own. */
    String inline(String docId) {
        String xml = documents.document(docId, base, random(docId));
        served.put(docId, xml);
        return xml;
    }

    String offer(String path) {
        offered.add(path);
        return base + path;
    }

    @Override
    public Answer answer(String method, String path, Map<String, String> params, boolean signatureValid) {
        log.add(new AppRequest(clock.now(), method, path, Map.copyOf(params), signatureValid));
        if (path.startsWith("/cb/")) return callback(path, params);
        if (!path.startsWith("/t/")) return Answer.of(404);
        String docId = docId(path, params);
        SplittableRandom r = random(docId);
        if (r.nextInt(100) < plan.failPercent()) {
            Answer failure = failure(r);
            served.put(docId, "failure " + failure);
            return failure;
        }
        String xml = documents.document(docId, "", r);
        served.put(docId, xml);
        return Answer.twiml(xml);
    }

    private Answer failure(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> Answer.of(500);
            case 1 -> Answer.of(404);
            case 2 -> plan.hangs() ? Answer.hanging() : Answer.of(503);
            case 3 -> new Answer(200, "text/xml", "<Response><Say>unclosed</Response>", false);
            case 4 -> new Answer(200, "text/xml", "", false);
            default -> new Answer(200, "application/json", "{}", false);
        };
    }

    private Answer callback(String path, Map<String, String> params) {
        SplittableRandom r = random(path + "|" + params.get("SequenceNumber") + "|" + params.get("RecordingStatus"));
        int roll = r.nextInt(100);
        if (roll < 8) return Answer.of(500);
        if (roll < 11 && plan.hangs()) return Answer.hanging();
        return Answer.of(204);
    }

    /** The document a TwiML request asks for; a fallback request is named after the URL that failed. */
    String docId(String path, Map<String, String> params) {
        if (path.equals(FALLBACK)) return docId(pathOf(params.getOrDefault("ErrorUrl", "")), Map.of()) + "~f";
        return path.substring(3);
    }

    /** The path of one of this app's URLs: without base, query and fragment. */
    String pathOf(String url) {
        String path = url.startsWith(base) ? url.substring(base.length()) : url;
        int cut = path.indexOf('#');
        if (cut >= 0) path = path.substring(0, cut);
        cut = path.indexOf('?');
        return cut >= 0 ? path.substring(0, cut) : path;
    }

    /** The document a verb's URL belongs to ({@code v-g0-d2} belongs to {@code v-g0}); empty for a first one. */
    static Optional<String> parentDoc(String docId) {
        int cut = Math.max(docId.lastIndexOf('-'), docId.lastIndexOf('~'));
        return cut < 0 ? Optional.empty() : Optional.of(docId.substring(0, cut));
    }

    static int depth(String docId) {
        return (int) docId.chars().filter(c -> c == '-' || c == '~').count();
    }

    /** Inline documents (the {@code Twiml} of an API call or of a live update) are never fetched. */
    static boolean isInline(String docId) {
        return docId.matches("i|j[0-9]+");
    }

    SplittableRandom random(String key) {
        long h = plan.seed() * 0x9E3779B97F4A7C15L + key.hashCode();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return new SplittableRandom(h);
    }
}
