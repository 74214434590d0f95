package dev.parley.engine.conversation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Messaging binding addresses: a phone number in E.164 ({@code +14155550100}, channel {@code sms}), or a
 * channel-prefixed address ({@code whatsapp:+14155550100}, {@code messenger:…}, {@code gbm:…}, {@code rcs:…},
 * {@code apple:…}). Twilio limits them to 256 characters and wants E.164 for SMS and WhatsApp numbers
 * (errors 50407 and 50408). A voice caller that is not a phone number ({@code client:alice}, {@code anonymous})
 * is therefore no valid address.
 */
final class Addresses {

    static final int MAX_LENGTH = 256;
    static final String SMS = "sms";

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Set<String> PREFIXED_CHANNELS = Set.of("whatsapp", "messenger", "gbm", "rcs", "apple");

    private Addresses() {
    }

    /** The channel of an address: its known prefix, else {@code sms}. */
    static String channel(String address) {
        int colon = address.indexOf(':');
        if (colon <= 0) return SMS;
        String prefix = address.substring(0, colon).toLowerCase(Locale.ROOT);
        return PREFIXED_CHANNELS.contains(prefix) ? prefix : SMS;
    }

    static boolean valid(String address) {
        if (address.isBlank() || address.length() > MAX_LENGTH) return false;
        String channel = channel(address);
        if (channel.equals(SMS)) return E164.matcher(address).matches();
        String rest = address.substring(channel.length() + 1);
        return channel.equals("whatsapp") ? E164.matcher(rest).matches() : !rest.isBlank();
    }
}
