package dev.parley.server.testing;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import java.net.URI;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpHost;

/**
 * twilio-java, unchanged, talking to a Parley. twilio-java has no base URL setting: it always addresses
 * {@code https://api.twilio.com} (and the other product hosts). Its {@link NetworkHttpClient} takes an Apache
 * HttpClient builder, though, and a route planner decides where each request's connection goes: this one sends
 * every request, whatever its host, to Parley's host and port over plain HTTP. The request line and the
 * {@code Host} header stay Twilio's, as an app in production would send them; Parley answers with URIs relative to
 * the host, which twilio-java completes with its own host for the next page, and the planner brings back too.
 */
public final class TwilioJava {

    private TwilioJava() {
    }

    /** A client with the account's credentials whose requests all go to {@code parleyUrl} ({@code http://host:port}). */
    public static TwilioRestClient client(String parleyUrl, String accountSid, String authToken) {
        URI parley = URI.create(parleyUrl);
        HttpRoute route = new HttpRoute(new HttpHost("http", parley.getHost(), parley.getPort()));
        HttpRoutePlanner toParley = (target, context) -> route;
        HttpClientBuilder builder = HttpClients.custom().setRoutePlanner(toParley);
        return new TwilioRestClient.Builder(accountSid, authToken).httpClient(new NetworkHttpClient(builder)).build();
    }
}
