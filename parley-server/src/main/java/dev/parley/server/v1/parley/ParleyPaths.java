package dev.parley.server.v1.parley;

import dev.parley.server.control.ControlApi;

/** Where Parley's own additions to the v1 products live: under {@code /parley/v1}, beside the control API. */
final class ParleyPaths {

    static final String FRONTLINE_USERS = ControlApi.BASE + "/Frontline/Users";
    static final String ROUTING = ControlApi.BASE + "/Services/{ChatServiceSid}/Routing";

    private ParleyPaths() {
    }
}
