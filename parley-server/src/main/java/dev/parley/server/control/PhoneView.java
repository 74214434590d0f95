package dev.parley.server.control;

import dev.parley.server.http.Json;
import dev.parley.server.http.Links;
import dev.parley.sim.VirtualPhone;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;

/** A virtual phone as JSON: its setup, the texts it has heard spoken, and links to its calls and what it heard. */
record PhoneView(String address, String incoming, BigDecimal answerAfter, BigDecimal rejectAfter,
                 List<StepView> script, List<String> saidTexts, String url, PhoneLinks links) {

    /** Where its calls and what it heard are read. */
    record PhoneLinks(String calls, String heard) {
    }

    /** One scripted action: {@code press} (with digits), {@code talk} (with length) or {@code hangup}. */
    record StepView(String action, BigDecimal at, String digits, BigDecimal length) {
        static StepView of(PhoneSetup.Step step) {
            return switch (step) {
                case PhoneSetup.Press p -> new StepView("press", Json.seconds(p.at()), p.digits(), null);
                case PhoneSetup.Talk t -> new StepView("talk", Json.seconds(t.at()), null, Json.seconds(t.length()));
                case PhoneSetup.Hangup h -> new StepView("hangup", Json.seconds(h.at()), null, null);
            };
        }
    }

    static String path(VirtualPhone phone) {
        return ControlApi.BASE + "/Phones/" + Links.segment(phone.address());
    }

    static PhoneView of(Context ctx, VirtualPhone phone, PhoneSetup setup) {
        String url = Links.absolute(ctx, path(phone));
        BigDecimal after = Json.seconds(setup.after());
        return new PhoneView(phone.address(), setup.incoming().value,
            setup.incoming() == PhoneSetup.Incoming.ANSWER ? after : null,
            setup.incoming() == PhoneSetup.Incoming.REJECT ? after : null,
            setup.script().stream().map(StepView::of).toList(), phone.saidTexts(), url,
            new PhoneLinks(url + "/Calls", url + "/Heard"));
    }
}
