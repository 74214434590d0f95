package dev.parley.server.control;

import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the control API set up a virtual phone: how it meets incoming calls, and the script it runs on every call
 * (times counted from the answer). Kept here because a {@link VirtualPhone} applies its settings but does not
 * show them.
 *
 * @param after for {@code answer}: how long it rings before answering; for {@code reject}: before refusing
 */
record PhoneSetup(Incoming incoming, Duration after, List<Step> script) {

    static final PhoneSetup DEFAULT = new PhoneSetup(Incoming.ANSWER, VirtualPhone.DEFAULT_ANSWER_AFTER, List.of());

    PhoneSetup {
        script = List.copyOf(script);
    }

    /** The {@code Incoming} values of the API. */
    enum Incoming {
        ANSWER("answer"), RING_FOREVER("ring-forever"), BUSY("busy"), UNREACHABLE("unreachable"), REJECT("reject");

        final String value;

        Incoming(String value) {
            this.value = value;
        }

        static Optional<Incoming> of(String value) {
            for (Incoming i : values()) if (i.value.equals(value)) return Optional.of(i);
            return Optional.empty();
        }

        /** How long before answering or refusing, unless told. */
        Duration defaultAfter() {
            return this == ANSWER ? VirtualPhone.DEFAULT_ANSWER_AFTER : Duration.ZERO;
        }
    }

    /** One scripted action. */
    sealed interface Step {
        Duration at();
    }

    record Press(Duration at, String digits) implements Step {
    }

    record Hangup(Duration at) implements Step {
    }

    record Talk(Duration at, Duration length) implements Step {
    }

    /** Sets the phone up like this: its incoming behaviour, and this script instead of the one it had. */
    void applyTo(VirtualPhone phone) {
        switch (incoming) {
            case ANSWER -> phone.answerAfter(after);
            case RING_FOREVER -> phone.ringForever();
            case BUSY -> phone.busy();
            case UNREACHABLE -> phone.unreachable();
            case REJECT -> phone.rejectAfter(after);
        }
        phone.clearScript();
        for (Step step : script) {
            switch (step) {
                case Press p -> phone.pressDigitsAt(p.at(), p.digits());
                case Hangup h -> phone.hangupAt(h.at());
                case Talk t -> phone.talk(t.at(), t.length());
            }
        }
    }
}
