package dev.parley.server.v1.monitor;

import dev.parley.engine.call.Alert;
import dev.parley.server.http.Dates;
import dev.parley.server.http.TwilioError;
import dev.parley.server.v1.V1Links;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A debugger alert as Twilio's JSON has it: {@code monitor.v1.alert} in lists, {@code monitor.v1.alert-instance}
 * when fetched, which adds the request and response details (null: Parley does not keep them). Parley's alerts
 * come from voice, so {@code api_version} is {@code 2010-04-01}; {@code date_generated} and {@code date_updated}
 * are when it was raised; {@code more_info} is the code's page, as in Twilio's error bodies.
 */
final class AlertView {

    private AlertView() {
    }

    static Map<String, Object> of(Context ctx, Alert a, boolean instance) {
        String raised = Dates.iso8601(a.dateCreated());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account_sid", a.accountSid());
        out.put("alert_text", a.alertText());
        out.put("api_version", "2010-04-01");
        out.put("date_created", raised);
        out.put("date_generated", raised);
        out.put("date_updated", raised);
        out.put("error_code", String.valueOf(a.errorCode()));
        out.put("log_level", a.logLevel());
        out.put("more_info", TwilioError.of(a.errorCode(), "", 0).moreInfo());
        out.put("request_method", a.requestMethod().orElse(null));
        out.put("request_url", a.requestUrl().orElse(null));
        if (instance) out.put("request_variables", null);
        out.put("resource_sid", a.resourceSid().orElse(null));
        if (instance) {
            out.put("response_body", null);
            out.put("response_headers", null);
            out.put("request_headers", null);
        }
        out.put("sid", a.sid());
        out.put("url", V1Links.url(ctx, "/v1/Alerts/" + a.sid()));
        out.put("service_sid", null);
        return out;
    }
}
