package dev.parley.server.api2010;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource's {@code subresource_uris}: Twilio lists every subresource the resource has at Twilio, in its order,
 * whether or not Parley serves it (the shape stays Twilio's; {@code docs/rest-api.md} says which are served).
 */
final class Subresources {

    private Subresources() {
    }

    /** {@code key → path + subpath + ".json"} for each pair of {@code key, subpath}. */
    static Map<String, String> of(String path, String... keysAndSubpaths) {
        Map<String, String> uris = new LinkedHashMap<>();
        for (int i = 0; i < keysAndSubpaths.length; i += 2) {
            uris.put(keysAndSubpaths[i], path + keysAndSubpaths[i + 1] + ".json");
        }
        return uris;
    }
}
