package dev.parley.engine.account;

import dev.parley.engine.Sids;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.store.AccountFilter;
import dev.parley.engine.store.NumberFilter;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.store.StoredNumber;
import dev.parley.twiml.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accounts, their subaccounts and their phone numbers, with Twilio's rules for them, kept in the {@link Store}
 * (nothing is cached: several nodes may share one database). Thread-safe; a rule that reads before it writes
 * (the subaccount limit) holds per Parley node.
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

    private final Store store;
    private final Sids sids;
    private final Clock clock;

    /** Over a store; SIDs and tokens from {@code sids}; {@code clock} dates the changes that carry no time. */
    public Directory(Store store, Sids sids, Clock clock) {
        this.store = store;
        this.sids = sids;
        this.clock = clock;
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

    /**
     * An account with known credentials (from configuration), or a replacement of one: a new account is created, a
     * known one gets the name, status and auth token given (its owner and creation date stay).
     */
    public synchronized Account put(Account account) {
        StoredAccount stored = stored(account);
        if (store.accounts().find(account.sid()).isPresent()) {
            store.accounts().update(account.sid(), stored);
        } else {
            store.accounts().create(stored);
        }
        return account;
    }

    public Optional<Account> account(String sid) {
        return store.accounts().find(sid).map(Directory::account);
    }

    /** The subaccounts of a main account, in the order they were created. */
    public List<Account> subaccounts(String ownerSid) {
        return Page.all(page -> store.accounts().list(ownerSid, AccountFilter.ALL, page)).reversed().stream()
            .filter(a -> a.ownerAccountSid().filter(ownerSid::equals).isPresent()).map(Directory::account).toList();
    }

    /**
     * The account whose credentials these are. A closed account's credentials no longer authenticate; a
     * suspended one's do (see {@link #isActive}). Tokens are compared in constant time.
     */
    public Optional<Account> authenticate(String accountSid, String authToken) {
        return account(accountSid).filter(a -> a.status() != AccountStatus.CLOSED)
            .filter(a -> MessageDigest.isEqual(a.authToken().getBytes(StandardCharsets.UTF_8),
                authToken.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether an account may be used: it is active, and so is its owner (a suspended owner suspends it). */
    public boolean isActive(String accountSid) {
        Optional<Account> account = account(accountSid);
        if (account.isEmpty() || account.get().status() != AccountStatus.ACTIVE) return false;
        return !account.get().isSubaccount() || isActive(account.get().ownerAccountSid());
    }

    /**
     * Whether the credentials of {@code actingSid} may act on resources of {@code resourceAccountSid}: its own,
     * or, for a main account, those of its subaccounts. A subaccount never acts on its owner's or a sibling's.
     */
    public boolean mayActOn(String actingSid, String resourceAccountSid) {
        if (actingSid.equals(resourceAccountSid)) return account(actingSid).isPresent();
        return account(resourceAccountSid).filter(r -> r.isSubaccount() && r.ownerAccountSid().equals(actingSid))
            .isPresent();
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
     * Points a number of the account at this voice URL: adds it ({@link #addNumber}), or, when the account has it
     * already (kept from an earlier start), changes its voice URL alone. Another account's is refused with 21422.
     */
    public synchronized PhoneNumber pointNumber(String accountSid, String number, String voiceUrl, Instant now) {
        Optional<PhoneNumber> known = numberByAddress(number).filter(n -> n.accountSid().equals(accountSid));
        return known.isPresent() ? put(known.get().withVoiceUrl(voiceUrl))
            : addNumber(accountSid, number, voiceUrl, now);
    }

    /**
     * Adds a number to its account. A number belongs to one account at a time: one already here is refused with
     * 21422 (also when another node adds it at the same moment); an unknown account with 20404.
     */
    public synchronized PhoneNumber add(PhoneNumber number) {
        required(number.accountSid());
        if (numberByAddress(number.phoneNumber()).isPresent()) throw numberTaken(number);
        try {
            store.numbers().create(stored(number, number.dateCreated()));
        } catch (StoreException e) {
            if (numberByAddress(number.phoneNumber()).isPresent()) throw numberTaken(number);
            throw e;
        }
        return number;
    }

    private static AccountException numberTaken(PhoneNumber number) {
        return new AccountException(21422, "Phone number is not available: " + number.phoneNumber()
            + " belongs to an account already");
    }

    /**
     * Stores a number as given (a new one, or a new configuration of one by its sid, dated now), without the rules
     * of {@link #add}. A number's account and phone number do not change.
     */
    public synchronized PhoneNumber put(PhoneNumber number) {
        if (store.numbers().find(number.sid()).isPresent()) {
            store.numbers().update(stored(number, clock.now()));
        } else {
            store.numbers().create(stored(number, number.dateCreated()));
        }
        return number;
    }

    /** Releases a number: calls to it no longer reach its account. False when there was no such number. */
    public boolean release(String numberSid) {
        return store.numbers().find(numberSid).map(n -> store.numbers().delete(n.accountSid(), n.sid())).orElse(false);
    }

    public Optional<PhoneNumber> number(String sid) {
        return store.numbers().find(sid).map(Directory::number);
    }

    /** The number a caller dialled, whichever account owns it. */
    public Optional<PhoneNumber> numberByAddress(String phoneNumber) {
        return store.numbers().byPhoneNumber(phoneNumber).map(Directory::number);
    }

    /** The numbers of one account, in the order they were added. */
    public List<PhoneNumber> numbers(String accountSid) {
        return Page.all(page -> store.numbers().list(accountSid, NumberFilter.ALL, page)).reversed().stream()
            .map(Directory::number).toList();
    }

    // ---- to and from the store

    private static Account account(StoredAccount a) {
        return new Account(a.sid(), a.authToken(), a.friendlyName(), a.ownerAccountSid().orElse(a.sid()),
            AccountStatus.of(a.status()), a.dateCreated(), a.dateUpdated());
    }

    private static StoredAccount stored(Account a) {
        return new StoredAccount(a.sid(), a.isSubaccount() ? Optional.of(a.ownerAccountSid()) : Optional.empty(),
            a.friendlyName(), a.status().value(), "Full", a.authToken(), a.dateCreated(), a.dateUpdated());
    }

    private static PhoneNumber number(StoredNumber n) {
        return new PhoneNumber(n.sid(), n.accountSid(), n.phoneNumber(), n.friendlyName(), n.voiceUrl(), n.voiceMethod(),
            n.voiceFallbackUrl(), n.voiceFallbackMethod(), n.statusCallback(), n.statusCallbackMethod(), n.dateCreated());
    }

    private static StoredNumber stored(PhoneNumber n, Instant updated) {
        return new StoredNumber(n.sid(), n.accountSid(), n.phoneNumber(), n.friendlyName(), n.voiceUrl(), n.voiceMethod(),
            n.voiceFallbackUrl(), n.voiceFallbackMethod(), n.statusCallback(), n.statusCallbackMethod(), n.dateCreated(),
            updated);
    }
}
