package dev.parley.server.control;

import dev.parley.engine.account.PhoneNumber;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The virtual phones the control API drives: the network's phones, the setups the API gave them, and the rule for
 * their addresses: E.164 ({@code +15551230001}) or {@code client:<identity>}.
 *
 * <p>Phones belong to the network, not to an account: like the telephone network, every account of this Parley
 * reaches the same phones.
 */
final class Phones {

    private static final Pattern CLIENT = Pattern.compile("client:[A-Za-z0-9_.@+\\-]{1,256}");

    private final VirtualNetwork network;
    private final Map<String, PhoneSetup> setups = new ConcurrentHashMap<>();

    Phones(VirtualNetwork network) {
        this.network = network;
    }

    /** Checks an address parameter: E.164 or {@code client:<identity>} (letters, digits, {@code _ . @ + -}). */
    static String address(String name, String value) {
        if (isAddress(value)) return value;
        throw ApiException.badRequest("Invalid " + name + ": " + Params.quoted(value)
            + "; expected an E.164 number such as +15551230001, or client:<identity>");
    }

    static boolean isAddress(String value) {
        return PhoneNumber.isE164(value) || CLIENT.matcher(value).matches();
    }

    /** The phone a path names ({@code {address}}), or 404. */
    VirtualPhone required(Context ctx) {
        return network.find(ctx.pathParam("address")).orElseThrow(() -> ApiException.notFound(ctx.path()));
    }

    Optional<VirtualPhone> find(String address) {
        return network.find(address);
    }

    List<VirtualPhone> all() {
        return network.phones().stream().sorted(Comparator.comparing(VirtualPhone::address)).toList();
    }

    PhoneSetup setup(VirtualPhone phone) {
        return setups.getOrDefault(phone.address(), PhoneSetup.DEFAULT);
    }

    /** Creates the phone if it is new, then applies the set-up parameters given. */
    synchronized VirtualPhone configure(String address, Params params) {
        PhoneSetup current = setups.getOrDefault(address, PhoneSetup.DEFAULT);
        PhoneSetup next = PhoneSetupParams.read(params, current);
        VirtualPhone phone = network.phone(address);
        next.applyTo(phone);
        setups.put(address, next);
        return phone;
    }
}
