package dev.parley.engine.account;

import dev.parley.engine.Sids;
import dev.parley.twiml.HttpMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts and their phone numbers. (In memory; the store issue puts it behind the Store port.) */
public final class Directory {

    private final Sids sids;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, PhoneNumber> numbersBySid = new ConcurrentHashMap<>();

    public Directory(Sids sids) {
        this.sids = sids;
    }

    public Account createAccount(String friendlyName, Instant now) {
        return put(new Account(sids.next("AC"), sids.secret(), friendlyName, Optional.empty(), "active", now));
    }

    public Account createSubaccount(String ownerSid, String friendlyName, Instant now) {
        account(ownerSid).orElseThrow(() -> new IllegalArgumentException("no account " + ownerSid));
        return put(new Account(sids.next("AC"), sids.secret(), friendlyName, Optional.of(ownerSid), "active", now));
    }

    /** An account with known credentials (from configuration). */
    public Account put(Account account) {
        accounts.put(account.sid(), account);
        return account;
    }

    public Optional<Account> account(String sid) {
        return Optional.ofNullable(accounts.get(sid));
    }

    public List<Account> subaccounts(String ownerSid) {
        return accounts.values().stream().filter(a -> a.ownerAccountSid().equals(Optional.of(ownerSid))).toList();
    }

    public PhoneNumber addNumber(String accountSid, String number, String voiceUrl, Instant now) {
        PhoneNumber pn = new PhoneNumber(sids.next("PN"), accountSid, number, number, Optional.ofNullable(voiceUrl),
            HttpMethod.POST, Optional.empty(), HttpMethod.POST, Optional.empty(), HttpMethod.POST, now);
        return put(pn);
    }

    public PhoneNumber put(PhoneNumber number) {
        numbersBySid.put(number.sid(), number);
        return number;
    }

    /** The number a caller dialled, whichever account owns it. */
    public Optional<PhoneNumber> numberByAddress(String phoneNumber) {
        return numbersBySid.values().stream().filter(n -> n.phoneNumber().equals(phoneNumber)).findFirst();
    }

    public List<PhoneNumber> numbers(String accountSid) {
        return numbersBySid.values().stream().filter(n -> n.accountSid().equals(accountSid)).toList();
    }
}
