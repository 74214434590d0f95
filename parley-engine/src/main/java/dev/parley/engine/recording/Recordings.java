package dev.parley.engine.recording;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The recordings of all accounts. (In memory; the store issue puts it behind the Store port.) */
public final class Recordings {

    private final Map<String, Recording> bySid = new ConcurrentHashMap<>();

    public Recording add(Recording recording) {
        bySid.put(recording.sid(), recording);
        return recording;
    }

    public Optional<Recording> recording(String sid) {
        return Optional.ofNullable(bySid.get(sid));
    }

    public List<Recording> ofCall(String callSid) {
        return bySid.values().stream().filter(r -> r.callSid().equals(callSid))
            .sorted((a, b) -> a.dateCreated().compareTo(b.dateCreated())).toList();
    }

    public List<Recording> ofAccount(String accountSid) {
        return bySid.values().stream().filter(r -> r.accountSid().equals(accountSid))
            .sorted((a, b) -> a.dateCreated().compareTo(b.dateCreated())).toList();
    }

    public boolean delete(String sid) {
        return bySid.remove(sid) != null;
    }
}
