package dev.parley.sim.scenario;

import dev.parley.sim.VirtualPhone;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Random TwiML documents mixing Say, Play, Pause, Gather, Record, Dial, Redirect, Hangup and Reject. Every URL a
 * verb carries is named after the document and the verb ({@link FlowApp}), and registered with the app; the
 * phones a {@code <Dial>} rings are set up as the document is made (they answer, ring forever, are busy, fail,
 * refuse, or are missing, and hang up and talk at random times).
 */
final class FlowDocuments {

    /** Below this depth documents lead on; at it they only speak, play, pause or hang up. */
    static final int MAX_DEPTH = 5;
    private static final String[] WORDS = {"hello", "welcome", "press", "one", "for", "sales", "please", "hold",
        "thank", "you", "goodbye", "menu"};

    private final FlowApp app;

    FlowDocuments(FlowApp app) {
        this.app = app;
    }

    /** A document; its URLs are paths, or absolute with {@code prefix} (inline TwiML). */
    String document(String docId, String prefix, SplittableRandom r) {
        StringBuilder xml = new StringBuilder("<Response>");
        boolean leaf = FlowApp.depth(docId) >= MAX_DEPTH;
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            int roll = r.nextInt(leaf ? 40 : 100);
            if (roll < 15) {
                xml.append(say(r));
            } else if (roll < 25) {
                xml.append(play(r));
            } else if (roll < 35) {
                xml.append(pause(r));
            } else if (roll < 40) {
                xml.append("<Hangup/>");
                break;
            } else if (roll < 60) {
                xml.append(gather(docId, i, prefix, r));
            } else if (roll < 72) {
                xml.append(record(docId, i, prefix, r));
            } else if (roll < 92) {
                xml.append(dial(docId, i, prefix, r));
            } else if (roll < 97) {
                xml.append("<Redirect>").append(url(docId + "-x" + i, prefix, r)).append("</Redirect>");
                break;
            } else {
                xml.append(r.nextBoolean() ? "<Reject/>" : "<Reject reason=\"busy\"/>");
                break;
            }
        }
        return xml.append("</Response>").toString();
    }

    private static String say(SplittableRandom r) {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + r.nextInt(8); i > 0; i--) text.append(WORDS[r.nextInt(WORDS.length)]).append(i > 1 ? " " : "");
        return "<Say" + (r.nextInt(10) == 0 ? " loop=\"2\"" : "") + ">" + text + "</Say>";
    }

    private static String play(SplittableRandom r) {
        if (r.nextInt(10) == 0) return "<Play digits=\"1w2" + r.nextInt(10) + "\"/>";
        return "<Play" + (r.nextInt(10) == 0 ? " loop=\"2\"" : "") + ">http://media.test/clip" + r.nextInt(3)
            + ".mp3</Play>";
    }

    private static String pause(SplittableRandom r) {
        return "<Pause length=\"" + r.nextInt(9) + "\"/>";
    }

    private String gather(String docId, int i, String prefix, SplittableRandom r) {
        String finishOnKey = switch (r.nextInt(5)) {
            case 0 -> "";
            case 1 -> "*";
            default -> "#";
        };
        boolean onEmpty = r.nextInt(100) < 15;
        String id = docId + "-g" + i;
        app.gathers.put("/t/" + id, new FlowApp.GatherSpec(docId, onEmpty, finishOnKey));
        StringBuilder xml = new StringBuilder("<Gather action=\"").append(url(id, prefix, r))
            .append("\" timeout=\"").append(1 + r.nextInt(8)).append("\" finishOnKey=\"").append(finishOnKey).append('"');
        if (r.nextBoolean()) xml.append(" numDigits=\"").append(1 + r.nextInt(4)).append('"');
        if (onEmpty) xml.append(" actionOnEmptyResult=\"true\"");
        xml.append('>');
        for (int p = r.nextInt(3); p > 0; p--) {
            xml.append(switch (r.nextInt(3)) {
                case 0 -> say(r);
                case 1 -> play(r);
                default -> pause(r);
            });
        }
        return xml.append("</Gather>").toString();
    }

    private String record(String docId, int i, String prefix, SplittableRandom r) {
        String id = docId + "-r" + i;
        String callback = "/cb/r/" + id;
        app.records.put("/t/" + id, new FlowApp.RecordSpec(docId, "/t/" + id, callback));
        return "<Record action=\"" + url(id, prefix, r) + "\" maxLength=\"" + (1 + r.nextInt(20)) + "\" playBeep=\""
            + r.nextBoolean() + "\"" + (r.nextBoolean() ? " trim=\"do-not-trim\"" : "")
            + (r.nextBoolean() ? " finishOnKey=\"#\"" : "") + " recordingStatusCallback=\"" + prefix + callback
            + "\" recordingStatusCallbackEvent=\"completed absent\"/>";
    }

    private String dial(String docId, int i, String prefix, SplittableRandom r) {
        String id = docId + "-d" + i;
        Optional<String> action = r.nextInt(100) < 80 ? Optional.of("/t/" + id) : Optional.empty();
        StringBuilder xml = new StringBuilder("<Dial timeout=\"").append(2 + r.nextInt(29)).append('"');
        action.ifPresent(a -> xml.append(" action=\"").append(url(id, prefix, r)).append('"'));
        if (r.nextInt(100) < 30) xml.append(" timeLimit=\"").append(5 + r.nextInt(116)).append('"');
        if (r.nextInt(100) < 20) xml.append(" hangupOnStar=\"true\"");
        boolean sequential = r.nextInt(100) < 30;
        if (sequential) xml.append(" sequential=\"true\"");
        xml.append('>');
        List<String> addresses = new ArrayList<>();
        for (int j = 0, n = 1 + r.nextInt(3); j < n; j++) {
            boolean client = r.nextBoolean();
            String name = "n" + (id + "-" + j).replace("-", "_");
            String address = client ? "client:" + name : "+1444" + String.format("%07d", Math.floorMod(name.hashCode(), 10_000_000));
            if (app.targets.containsKey(address)) continue; // a clash of hashes: dial fewer
            addresses.add(address);
            Optional<String> callback = r.nextInt(100) < 70 ? Optional.of("/cb/c/" + id + "-" + j) : Optional.empty();
            List<String> events = events(r);
            app.targets.put(address, new FlowApp.TargetSpec(address, callback, events));
            String attributes = callback.map(c -> " statusCallback=\"" + prefix + c + "\" statusCallbackEvent=\""
                + String.join(" ", events) + "\"").orElse("");
            xml.append(client ? "<Client" + attributes + ">" + name + "</Client>"
                : "<Number" + attributes + ">" + address + "</Number>");
            phone(address, r);
        }
        if (addresses.isEmpty()) return "";
        app.dials.add(new FlowApp.DialSpec(docId, action, List.copyOf(addresses), sequential));
        return xml.append("</Dial>").toString();
    }

    private static List<String> events(SplittableRandom r) {
        List<String> events = new ArrayList<>();
        for (String event : FlowPlan.EVENTS) if (r.nextInt(100) < (event.equals("completed") ? 90 : 50)) events.add(event);
        return events.isEmpty() ? List.of("completed") : events;
    }

    /** The dialled party: answers, rings forever, is busy, unreachable, refuses, or is not there at all. */
    private void phone(String address, SplittableRandom r) {
        int roll = r.nextInt(100);
        if (roll < 10) return;
        VirtualPhone phone = app.network.phone(address);
        if (roll < 55) {
            phone.answerAfter(FlowPlan.millis(r, 20_000));
        } else if (roll < 70) {
            phone.ringForever();
        } else if (roll < 80) {
            phone.busy();
        } else if (roll < 90) {
            phone.unreachable();
        } else {
            phone.rejectAfter(FlowPlan.millis(r, 5000));
        }
        if (r.nextBoolean()) phone.hangupAt(FlowPlan.millis(r, 60_000));
        if (r.nextInt(100) < 30) phone.talk(FlowPlan.millis(r, 10_000), FlowPlan.millis(r, 10_000));
    }

    /** A verb's URL, now and then with connection overrides (which the in-process app honours when it hangs). */
    private String url(String docId, String prefix, SplittableRandom r) {
        String url = app.offer("/t/" + docId).substring(app.base.length());
        String fragment = switch (r.nextInt(10)) {
            case 0 -> "#tt=" + (100 + r.nextInt(14_900));
            case 1 -> "#rt=" + (100 + r.nextInt(14_900)) + "&amp;rc=0";
            default -> "";
        };
        return prefix + url + fragment;
    }
}
