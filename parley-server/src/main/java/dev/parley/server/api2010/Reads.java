package dev.parley.server.api2010;

import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.recording.Recording;
import dev.parley.engine.store.AccountFilter;
import dev.parley.engine.store.CallFilter;
import dev.parley.engine.store.NumberFilter;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.RecordingFilter;
import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.store.StoredCall;
import dev.parley.engine.store.StoredNumber;
import dev.parley.engine.store.StoredRecording;
import dev.parley.engine.store.TimeRange;
import dev.parley.server.http.MemoryPages;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the API reads what it lists and fetches, in the {@code Store} port's shapes and with its queries (filters,
 * newest first, pages): from the engine's memory ({@link Directory}, {@link CallEngine}) until the store is wired
 * into the engine; then each method becomes the store query of the same name. Deleting a call hides its record from
 * the API here (the engine keeps live state only in memory and has no delete yet).
 */
final class Reads {

    private static final Comparator<Instant> NEWEST_FIRST = Comparator.reverseOrder();

    private final Directory directory;
    private final CallEngine engine;
    private final Set<String> deletedCalls = ConcurrentHashMap.newKeySet();

    Reads(Directory directory, CallEngine engine) {
        this.directory = directory;
        this.engine = engine;
    }

    // ---- accounts

    /** The account {@code sid}, when {@code scopeSid} is it or owns it. */
    Optional<StoredAccount> account(String scopeSid, String sid) {
        return directory.account(sid).filter(a -> directory.mayActOn(scopeSid, a.sid())).map(Reads::stored);
    }

    /** The scope account and its subaccounts that match. */
    Page<StoredAccount> accounts(String scopeSid, AccountFilter filter, PageRequest page) {
        Stream<Account> all = Stream.concat(directory.account(scopeSid).stream(), directory.subaccounts(scopeSid).stream());
        return page(all.map(Reads::stored)
            .filter(a -> filter.friendlyName().map(a.friendlyName()::equals).orElse(true))
            .filter(a -> filter.status().map(a.status()::equals).orElse(true)),
            StoredAccount::dateCreated, StoredAccount::sid, page);
    }

    static StoredAccount stored(Account a) {
        return new StoredAccount(a.sid(), a.isSubaccount() ? Optional.of(a.ownerAccountSid()) : Optional.empty(),
            a.friendlyName(), a.status().value(), "Full", a.authToken(), a.dateCreated(), a.dateUpdated());
    }

    // ---- numbers

    Optional<StoredNumber> number(String accountSid, String sid) {
        return directory.number(sid).filter(n -> n.accountSid().equals(accountSid)).map(Reads::stored);
    }

    Page<StoredNumber> numbers(String accountSid, NumberFilter filter, PageRequest page) {
        Optional<Pattern> number = filter.phoneNumber().map(Reads::numberPattern);
        return page(directory.numbers(accountSid).stream().map(Reads::stored)
            .filter(n -> number.map(p -> p.matcher(n.phoneNumber()).find()).orElse(true))
            .filter(n -> filter.friendlyName().map(n.friendlyName()::equals).orElse(true)),
            StoredNumber::dateCreated, StoredNumber::sid, page);
    }

    /** Twilio's number filter: any part of the number, {@code *} standing for one digit. */
    private static Pattern numberPattern(String filter) {
        StringBuilder regex = new StringBuilder();
        for (char c : filter.toCharArray()) regex.append(c == '*' ? "[0-9]" : Pattern.quote(String.valueOf(c)));
        return Pattern.compile(regex.toString());
    }

    static StoredNumber stored(PhoneNumber n) {
        return new StoredNumber(n.sid(), n.accountSid(), n.phoneNumber(), n.friendlyName(), n.voiceUrl(),
            n.voiceMethod(), n.voiceFallbackUrl(), n.voiceFallbackMethod(), n.statusCallback(),
            n.statusCallbackMethod(), n.dateCreated(), n.dateCreated());
    }

    // ---- calls

    Optional<StoredCall> call(String accountSid, String sid) {
        return engine.call(sid).filter(c -> c.accountSid().equals(accountSid) && !deletedCalls.contains(sid))
            .map(Reads::stored);
    }

    Page<StoredCall> calls(String accountSid, CallFilter filter, PageRequest page) {
        return page(engine.calls(accountSid).stream().filter(c -> !deletedCalls.contains(c.sid())).map(Reads::stored)
            .filter(c -> filter.to().map(c.to()::equals).orElse(true))
            .filter(c -> filter.from().map(c.from()::equals).orElse(true))
            .filter(c -> filter.parentCallSid().map(p -> c.parentCallSid().equals(Optional.of(p))).orElse(true))
            .filter(c -> filter.status().map(s -> c.status() == s).orElse(true))
            .filter(c -> within(c.startTime(), filter.startTime()))
            .filter(c -> within(c.endTime(), filter.endTime())),
            StoredCall::dateCreated, StoredCall::sid, page);
    }

    /** Deletes the record of a call that is over. */
    boolean deleteCall(String accountSid, String sid) {
        return call(accountSid, sid).isPresent() && deletedCalls.add(sid);
    }

    /**
     * A call as it was created: {@code queued}, not started. The create request answers with this, as Twilio does,
     * whatever the call has done since (on virtual time it may have run by the time the answer is written).
     */
    static StoredCall created(Call c) {
        StoredCall.Builder b = StoredCall.builder(c.sid(), c.accountSid(), c.from(), c.to(), c.direction(),
            CallStatus.QUEUED, c.dateCreated());
        c.parentCallSid().ifPresent(b::parentCallSid);
        c.phoneNumberSid().ifPresent(b::phoneNumberSid);
        return b.build();
    }

    static StoredCall stored(Call c) {
        StoredCall.Builder b = StoredCall.builder(c.sid(), c.accountSid(), c.from(), c.to(), c.direction(), c.status(),
            c.dateCreated()).dateUpdated(c.dateUpdated());
        c.parentCallSid().ifPresent(b::parentCallSid);
        c.phoneNumberSid().ifPresent(b::phoneNumberSid);
        c.startTime().ifPresent(b::startTime);
        c.endTime().ifPresent(b::endTime);
        c.duration().ifPresent(b::duration);
        return b.build();
    }

    // ---- recordings

    Optional<StoredRecording> recording(String accountSid, String sid) {
        return engine.recordings().recording(sid).filter(r -> r.accountSid().equals(accountSid)).map(Reads::stored);
    }

    Page<StoredRecording> recordings(String accountSid, RecordingFilter filter, PageRequest page) {
        return page(engine.recordings().ofAccount(accountSid).stream().map(Reads::stored)
            .filter(r -> filter.callSid().map(s -> r.callSid().equals(Optional.of(s))).orElse(true))
            .filter(r -> filter.conferenceSid().map(s -> r.conferenceSid().equals(Optional.of(s))).orElse(true))
            .filter(r -> within(Optional.of(r.dateCreated()), filter.dateCreated())),
            StoredRecording::dateCreated, StoredRecording::sid, page);
    }

    /** The audio of a recording, as WAV. */
    Optional<byte[]> media(String accountSid, String sid) {
        return engine.recordings().recording(sid).filter(r -> r.accountSid().equals(accountSid)).map(Recording::wav);
    }

    boolean deleteRecording(String accountSid, String sid) {
        return recording(accountSid, sid).isPresent() && engine.recordings().delete(sid);
    }

    static StoredRecording stored(Recording r) {
        return new StoredRecording(r.sid(), r.accountSid(), Optional.of(r.callSid()), Optional.empty(), r.status(),
            r.source(), r.channels(), r.startTime(), Optional.of(r.durationSeconds()), Optional.empty(),
            Optional.empty(), Optional.empty(), r.dateCreated(), r.dateCreated());
    }

    // ---- the store's rules

    /** A time that is not set matches no bounded range, as in the store. */
    private static boolean within(Optional<Instant> at, TimeRange range) {
        if (range.from().isEmpty() && range.before().isEmpty()) return true;
        return at.filter(t -> range.from().map(f -> !t.isBefore(f)).orElse(true))
            .filter(t -> range.before().map(t::isBefore).orElse(true)).isPresent();
    }

    /** Newest first ({@code date_created}, then SID, both descending), one page. */
    private static <T> Page<T> page(Stream<T> rows, Function<T, Instant> created, Function<T, String> sid,
                                     PageRequest page) {
        List<T> sorted = rows.sorted(Comparator.comparing(created, NEWEST_FIRST)
            .thenComparing(sid, Comparator.reverseOrder())).toList();
        return MemoryPages.page(sorted, page, sid);
    }
}
