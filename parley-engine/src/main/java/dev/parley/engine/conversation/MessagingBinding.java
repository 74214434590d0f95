package dev.parley.engine.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * How a participant exchanges messages (Twilio's {@code messaging_binding}): a customer has an {@code address}
 * (their phone or WhatsApp number) and a {@code proxy_address} (the company's Twilio number they talk to); a chat
 * participant in a Group MMS has only a {@code projected_address}. Chat participants without one have no binding
 * at all ({@code null} in the JSON).
 *
 * @param type the channel: {@code sms} for a plain phone number, else the prefix of the address
 *             ({@code whatsapp:+1…} is {@code whatsapp})
 */
public record MessagingBinding(String type, Optional<String> address, Optional<String> proxyAddress,
                               Optional<String> projectedAddress) {

    public MessagingBinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(proxyAddress, "proxyAddress");
        Objects.requireNonNull(projectedAddress, "projectedAddress");
    }

    /** A customer's binding. */
    public static MessagingBinding of(String address, String proxyAddress) {
        return new MessagingBinding(Addresses.channel(address), Optional.of(address), Optional.of(proxyAddress),
            Optional.empty());
    }

    /** A Group MMS chat participant's binding. */
    public static MessagingBinding projected(String projectedAddress) {
        return new MessagingBinding(Addresses.channel(projectedAddress), Optional.empty(), Optional.empty(),
            Optional.of(projectedAddress));
    }

    /** Whether this binding is the pair (address, proxy address). */
    public boolean is(String anAddress, String aProxyAddress) {
        return address.filter(anAddress::equals).isPresent() && proxyAddress.filter(aProxyAddress::equals).isPresent();
    }
}
