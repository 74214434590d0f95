package dev.parley.engine.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of Twilio's Participant create request: {@code Identity}, {@code MessagingBinding.Address},
 * {@code MessagingBinding.ProxyAddress}, {@code MessagingBinding.ProjectedAddress}, {@code Attributes},
 * {@code RoleSid}, {@code DateCreated}, {@code DateUpdated}. Empty means "not sent".
 */
public record ParticipantParams(Optional<String> identity, Optional<String> address, Optional<String> proxyAddress,
                                Optional<String> projectedAddress, Optional<String> attributes,
                                Optional<String> roleSid, Optional<Instant> dateCreated,
                                Optional<Instant> dateUpdated) {

    public static final ParticipantParams NONE = new ParticipantParams(Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ParticipantParams {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(proxyAddress, "proxyAddress");
        Objects.requireNonNull(projectedAddress, "projectedAddress");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(roleSid, "roleSid");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
    }

    /** A chat participant ({@code Identity=…}): in Frontline, a worker. */
    public static ParticipantParams chat(String identity) {
        return NONE.withIdentity(identity);
    }

    /** A customer ({@code MessagingBinding.Address=…&MessagingBinding.ProxyAddress=…}). */
    public static ParticipantParams customer(String address, String proxyAddress) {
        return new ParticipantParams(Optional.empty(), Optional.of(address), Optional.of(proxyAddress), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ParticipantParams withIdentity(String value) {
        return new ParticipantParams(Optional.of(value), address, proxyAddress, projectedAddress, attributes, roleSid,
            dateCreated, dateUpdated);
    }

    public ParticipantParams withProjectedAddress(String value) {
        return new ParticipantParams(identity, address, proxyAddress, Optional.of(value), attributes, roleSid,
            dateCreated, dateUpdated);
    }

    public ParticipantParams withAttributes(String value) {
        return new ParticipantParams(identity, address, proxyAddress, projectedAddress, Optional.of(value), roleSid,
            dateCreated, dateUpdated);
    }

    public ParticipantParams withRoleSid(String value) {
        return new ParticipantParams(identity, address, proxyAddress, projectedAddress, attributes, Optional.of(value),
            dateCreated, dateUpdated);
    }
}
