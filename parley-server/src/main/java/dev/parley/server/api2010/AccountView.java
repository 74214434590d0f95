package dev.parley.server.api2010;

import dev.parley.engine.store.StoredAccount;
import dev.parley.server.http.Dates;
import java.util.Map;

/** An account as the Accounts API shows it ({@code api.v2010.account}), auth token included as at Twilio. */
record AccountView(String authToken, String dateCreated, String dateUpdated, String friendlyName,
                   String ownerAccountSid, String sid, String status, Map<String, String> subresourceUris, String type,
                   String uri) {

    /** Twilio's list of an account's subresources, in its order (Parley serves calls, incoming phone numbers, recordings). */
    private static final String[] SUBRESOURCES = {
        "available_phone_numbers", "/AvailablePhoneNumbers", "calls", "/Calls", "conferences", "/Conferences",
        "incoming_phone_numbers", "/IncomingPhoneNumbers", "notifications", "/Notifications",
        "outgoing_caller_ids", "/OutgoingCallerIds", "recordings", "/Recordings", "transcriptions", "/Transcriptions",
        "addresses", "/Addresses", "signing_keys", "/SigningKeys", "connect_apps", "/ConnectApps", "sip", "/SIP",
        "authorized_connect_apps", "/AuthorizedConnectApps", "usage", "/Usage", "keys", "/Keys",
        "applications", "/Applications", "short_codes", "/SMS/ShortCodes", "queues", "/Queues",
        "messages", "/Messages", "balance", "/Balance"};

    static AccountView of(StoredAccount a) {
        return new AccountView(a.authToken(), Dates.rfc2822(a.dateCreated()), Dates.rfc2822(a.dateUpdated()),
            a.friendlyName(), a.ownerAccountSid().orElse(a.sid()), a.sid(), a.status(),
            Subresources.of(AccountPath.of(a.sid(), ""), SUBRESOURCES), a.type(),
            AccountPath.of(a.sid(), ".json"));
    }
}
