package dev.parley.engine.store.memory;

import dev.parley.engine.store.NumberFilter;
import dev.parley.engine.store.NumberStore;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredNumber;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Incoming phone numbers in memory; a phone number belongs to one account at most. */
final class MemoryNumbers implements NumberStore {

    private final InMemoryStore.Tables tables;

    MemoryNumbers(InMemoryStore.Tables tables) {
        this.tables = tables;
    }

    @Override
    public StoredNumber create(StoredNumber number) {
        synchronized (tables) {
            tables.requireAccount(number.accountSid());
            if (byPhoneNumber(number.phoneNumber()).isPresent()) {
                throw new StoreException("store already exists: phone number " + number.phoneNumber());
            }
            return tables.numbers.insert(number);
        }
    }

    @Override
    public Optional<StoredNumber> fetch(String accountSid, String sid) {
        synchronized (tables) {
            return tables.numbers.fetch(accountSid, sid);
        }
    }

    @Override
    public Optional<StoredNumber> find(String sid) {
        synchronized (tables) {
            return tables.numbers.find(sid);
        }
    }

    @Override
    public Optional<StoredNumber> byPhoneNumber(String phoneNumber) {
        synchronized (tables) {
            return tables.numbers.all(n -> n.phoneNumber().equals(phoneNumber)).stream().findFirst();
        }
    }

    @Override
    public Page<StoredNumber> list(String accountSid, NumberFilter filter, PageRequest page) {
        Predicate<StoredNumber> matches = n -> n.accountSid().equals(accountSid)
            && filter.friendlyName().map(n.friendlyName()::equals).orElse(true)
            && filter.phoneNumber().map(p -> matches(p, n.phoneNumber())).orElse(true);
        synchronized (tables) {
            return tables.numbers.page(matches, page);
        }
    }

    /** Twilio's number filter: any part of the number, {@code *} standing for one character. */
    private static boolean matches(String filter, String phoneNumber) {
        StringBuilder regex = new StringBuilder();
        for (char c : filter.toCharArray()) regex.append(c == '*' ? "." : Pattern.quote(String.valueOf(c)));
        return Pattern.compile(regex.toString()).matcher(phoneNumber).find();
    }

    @Override
    public boolean update(StoredNumber n) {
        synchronized (tables) {
            return tables.numbers.update(n.accountSid(), n.sid(), stored -> new StoredNumber(stored.sid(),
                stored.accountSid(), stored.phoneNumber(), n.friendlyName(), n.voiceUrl(), n.voiceMethod(),
                n.voiceFallbackUrl(), n.voiceFallbackMethod(), n.statusCallback(), n.statusCallbackMethod(),
                stored.dateCreated(), n.dateUpdated()));
        }
    }

    @Override
    public boolean delete(String accountSid, String sid) {
        synchronized (tables) {
            return tables.numbers.delete(accountSid, sid);
        }
    }
}
