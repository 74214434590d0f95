package dev.parley.sim.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One request an in-memory app received, at the virtual time it arrived. */
record AppRequest(Instant at, String method, String path, Map<String, String> params, boolean signatureValid) {

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** A request for TwiML (a document, an action), as opposed to a callback. */
    boolean twiml() {
        return path.startsWith("/t/");
    }

    static List<AppRequest> to(List<AppRequest> requests, String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    static List<AppRequest> ofCall(List<AppRequest> requests, String callSid) {
        return requests.stream().filter(r -> r.param("CallSid").equals(callSid)).toList();
    }
}
