package dev.parley.engine.account;

import dev.parley.engine.Sids;
import dev.parley.twiml.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts, their subaccounts and their phone numbers, with Twilio's rules for them. Thread-safe. (In memory; the store issue
 * puts it behind the Store port.)
 *
 * <p>Subaccounts (Twilio's "Using subaccounts"): only a main account owns subaccounts, at most
 * {@link #MAX_SUBACCOUNTS}; a main account's credentials act on its own and its subaccounts' resources, a
 * subaccount's only on its own; only the owner changes a subaccount's status; a suspended main account suspends
 * its subaccounts; closing is final and releases the subaccount's numbers.
 */
public final class Directory {

    /** Twilio's default limit of subaccounts per main account (error 21480 beyond). */
    public static final int MAX_SUBACCOUNTS = 1000;

    /**
     * Twilio's default subaccount name, "SubAccount Created at {YYYY-MM-DD HH:MM meridian}". Twilio's samples
     * show the hour of the day in US Pacific time followed by am/pm ("2014-10-03 09:48 am" for 16:48Z).
     */
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter DEFAULT_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Sids sids;
    // guarded by this; in the order they were added, which is the order lists give
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, PhoneNumber> numbersBySid = new LinkedHashMap<>();

    public Directory(Sids sids) {
        this.sids = sids;
    }

    // ---- accounts

    /** A new main account with fresh credentials. */
    public synchronized Account createAccount(String friendlyName, Instant now) {
        return put(Account.main(sids.next("AC"), sids.secret(), friendlyName, now));
    }

    /**
     * A new subaccount of a main account, named {@code friendlyName} or Twilio's default. Refused with 20404
     * (no such owner), 21101 (the owner is a subaccount) or 21480 (the owner has {@link #MAX_SUBACCOUNTS}).
     */
    public synchronized Account createSubaccount(String ownerSid, Optional<String> friendlyName, Instant now) {
        Account owner = required(ownerSid);
        if (owner.isSubaccount()) {
            throw new AccountException(21101, "Subaccounts cannot contain subaccounts: " + ownerSid + " is a subaccount");
        }
        if (subaccounts(ownerSid).size() >= MAX_SUBACCOUNTS) {
            throw new AccountException(21480, "Reached maximum number of subaccounts (" + MAX_SUBACCOUNTS + ")");
        }
        String name = friendlyName.orElseGet(() -> defaultSubaccountName(now));
        return put(new Account(sids.next("AC"), sids.secret(), name, ownerSid, AccountStatus.ACTIVE, now, now));
    }

    static String defaultSubaccountName(Instant now) {
        ZonedDateTime pacific = now.atZone(PACIFIC);
        return "SubAccount Created at " + DEFAULT_NAME.format(pacific) + (pacific.getHour() < 12 ? " am" : " pm");
    }

    /** An account with known credentials (from configuration), or a replacement of one. */
    public synchronized Account put(Account account) {
        accounts.put(account.sid(), account);
        return account;
    }

    public synchronized Optional<Account> account(String sid) {
        return Optional.ofNullable(accounts.get(sid));
    }

    /** The subaccounts of a main account, in the order they were created. */
    public synchronized List<Account> subaccounts(String ownerSid) {
        return accounts.values().stream().filter(a -> a.isSubaccount() && a.ownerAccountSid().equals(ownerSid)).toList();
    }

    /**
     * The account whose credentials these are. A closed account's credentials no longer authenticate; a
     * suspended one's do (see {@link #isActive}). Tokens are compared in constant time.
     */
    public synchronized Optional<Account> authenticate(String accountSid, String authToken) {
        Account account = accounts.get(accountSid);
        if (account == null || account.status() == AccountStatus.CLOSED) return Optional.empty();
        boolean match = MessageDigest.isEqual(account.authToken().getBytes(StandardCharsets.UTF_8),
            authToken.getBytes(StandardCharsets.UTF_8));
        return match ? Optional.of(account) : Optional.empty();
    }

    /** Whether an account may be used: it is active, and so is its owner (a suspended owner suspends it). */
    public synchronized boolean isActive(String accountSid) {
        Account account = accounts.get(accountSid);
        if (account == null || account.status() != AccountStatus.ACTIVE) return false;
        return !account.isSubaccount() || isActive(account.ownerAccountSid());
    }

    /**
     * Whether the credentials of {@code actingSid} may act on resources of {@code resourceAccountSid}: its own,
     * or, for a main account, those of its subaccounts. A subaccount never acts on its owner's or a sibling's.
     */
    public synchronized boolean mayActOn(String actingSid, String resourceAccountSid) {
        if (actingSid.equals(resourceAccountSid)) return accounts.containsKey(actingSid);
        Account resource = accounts.get(resourceAccountSid);
        return resource != null && resource.isSubaccount() && resource.ownerAccountSid().equals(actingSid);
    }

    /**
     * Suspends, reactivates or closes a subaccount on behalf of {@code actingSid}, which must own it (20403
     * otherwise, and for a main account, which cannot be suspended or closed this way). A closed subaccount stays
     * closed (21479); nothing changes while the owner is suspended (21476). Closing releases the numbers.
     */
    public synchronized Account updateStatus(String actingSid, String subaccountSid, AccountStatus status, Instant now) {
        Account target = required(subaccountSid);
        if (!target.isSubaccount() || !target.ownerAccountSid().equals(actingSid)) {
            throw new AccountException(20403, "Only the main account that owns a subaccount changes its status");
        }
        if (target.status() == AccountStatus.CLOSED) {
            throw new AccountException(21479, "Unable to update Status for subaccount, subaccount has been closed.");
        }
        if (!isActive(actingSid)) {
            throw new AccountException(21476, "Unable to update Status for subaccount, parent account is suspended.");
        }
        if (status == AccountStatus.CLOSED) {
            numbers(subaccountSid).forEach(n -> release(n.sid()));
        }
        return put(target.withStatus(status, now));
    }

    private Account required(String sid) {
        return account(sid).orElseThrow(() -> new AccountException(20404, "The requested resource " + sid + " was not found"));
    }

    // ---- phone numbers

    /** Adds a number with a voice URL and Twilio's defaults for the rest (POST, no fallback, no status callback). */
    public synchronized PhoneNumber addNumber(String accountSid, String number, String voiceUrl, Instant now) {
        return add(new PhoneNumber(sids.next("PN"), accountSid, number, number, Optional.ofNullable(voiceUrl),
            HttpMethod.POST, Optional.empty(), HttpMethod.POST, Optional.empty(), HttpMethod.POST, now));
    }

    /**
     * Adds a number to its account. A number belongs to one account at a time: one already here is refused with
     * 21422; an unknown account with 20404.
     */
    public synchronized PhoneNumber add(PhoneNumber number) {
        required(number.accountSid());
        if (numberByAddress(number.phoneNumber()).isPresent()) {
            throw new AccountException(21422, "Phone number is not available: " + number.phoneNumber()
                + " belongs to an account already");
        }
        return put(number);
    }

    /** Stores a number as given (a new one, or a new configuration of one by its sid), without the rules of {@link #add}. */
    public synchronized PhoneNumber put(PhoneNumber number) {
        numbersBySid.put(number.sid(), number);
        return number;
    }

    /** Releases a number: calls to it no longer reach its account. False when there was no such number. */
    public synchronized boolean release(String numberSid) {
        return numbersBySid.remove(numberSid) != null;
    }

    public synchronized Optional<PhoneNumber> number(String sid) {
        return Optional.ofNullable(numbersBySid.get(sid));
    }

    /** The number a caller dialled, whichever account owns it. */
    public synchronized Optional<PhoneNumber> numberByAddress(String phoneNumber) {
        return numbersBySid.values().stream().filter(n -> n.phoneNumber().equals(phoneNumber)).findFirst();
    }

    /** The numbers of one account, in the order they were added. */
    public synchronized List<PhoneNumber> numbers(String accountSid) {
        return numbersBySid.values().stream().filter(n -> n.accountSid().equals(accountSid)).toList();
    }
}
