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
final class MemoryNumbers extends AccountTable<StoredNumber> implements NumberStore {

    MemoryNumbers(InMemoryStore.Tables tables) {
        super(tables, tables.numbers, StoredNumber::accountSid);
    }

    @Override
    public StoredNumber create(StoredNumber number) {
        synchronized (tables) {
            if (byPhoneNumber(number.phoneNumber()).isPresent()) {
                throw new StoreException("store already exists: phone number " + number.phoneNumber());
            }
            return super.create(number);
        }
    }

    @Override
    public Optional<StoredNumber> byPhoneNumber(String phoneNumber) {
        synchronized (tables) {
            return rows.all(n -> n.phoneNumber().equals(phoneNumber)).stream().findFirst();
        }
    }

    @Override
    public Page<StoredNumber> list(String accountSid, NumberFilter filter, PageRequest page) {
        Predicate<StoredNumber> matches = n -> n.accountSid().equals(accountSid)
            && filter.friendlyName().map(n.friendlyName()::equals).orElse(true)
            && filter.phoneNumber().map(p -> matches(p, n.phoneNumber())).orElse(true);
        return rows.page(matches, page);
    }

    /** Twilio's number filter: any part of the number, {@code *} standing for one character. */
    private static boolean matches(String filter, String phoneNumber) {
        StringBuilder regex = new StringBuilder();
        for (char c : filter.toCharArray()) regex.append(c == '*' ? "." : Pattern.quote(String.valueOf(c)));
        return Pattern.compile(regex.toString()).matcher(phoneNumber).find();
    }

    @Override
    public boolean update(StoredNumber n) {
        return rows.update(n.accountSid(), n.sid(), stored -> new StoredNumber(stored.sid(),
            stored.accountSid(), stored.phoneNumber(), n.friendlyName(), n.voiceUrl(), n.voiceMethod(),
            n.voiceFallbackUrl(), n.voiceFallbackMethod(), n.statusCallback(), n.statusCallbackMethod(),
            stored.dateCreated(), n.dateUpdated()));
    }

}
