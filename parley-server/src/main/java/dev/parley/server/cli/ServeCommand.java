package dev.parley.server.cli;

import dev.parley.engine.account.Account;
import dev.parley.engine.account.AccountException;
import dev.parley.engine.store.StoreException;
import dev.parley.server.Parley;
import dev.parley.server.ParleyConfig;
import dev.parley.server.ParleyServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley serve}: runs Parley in real time until stopped: virtual phones for telephony, the control API, and
 * everything an account owns kept in the data directory's database (or PostgreSQL), so that a restart keeps it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs Parley in real time until stopped (Ctrl-C): virtual phones, the call engine, and the control "
        + "API under /parley/v1 (docs/virtual-phones.md).",
        "Accounts, numbers, calls, recordings and alerts are kept in the data directory (an embedded H2 database "
            + "and the recordings' audio), or in the database of PARLEY_DB_URL (PostgreSQL; PARLEY_DB_USER and "
            + "PARLEY_DB_PASSWORD), and survive a restart. Calls live when Parley stopped are ended at the next "
            + "start, and the callbacks owed are delivered then.",
        "The account comes from PARLEY_ACCOUNT_SID and PARLEY_AUTH_TOKEN (or the options); without them the account "
            + "created on the first start is used (its credentials are printed), or one is created."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ParleyConfig.LOOPBACK,
        description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:PARLEY_PORT:-8080}",
        description = "TCP port (default: $PARLEY_PORT or 8080; 0 picks a free one).")
    int port;

    @Option(names = "--public-url", paramLabel = "URL",
        description = "The base URL apps reach Parley by, for recording URLs (default: http://HOST:PORT; "
            + "give it with --port 0).")
    String publicUrl;

    @Option(names = "--number", paramLabel = "NUMBER=VOICE_URL",
        description = "A phone number Parley answers with the TwiML app at VOICE_URL (repeatable), e.g. "
            + "+15550001000=http://localhost:3000/voice. More can be added with POST /parley/v1/PhoneNumbers.")
    List<String> numbers = new ArrayList<>();

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:PARLEY_DATA_DIR:-data}",
        description = "Where Parley keeps its data: the embedded database and recordings' audio (default: "
            + "$PARLEY_DATA_DIR or ./data).")
    Path dataDirectory;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:PARLEY_DB_URL}",
        description = "A database instead of the embedded one, e.g. jdbc:postgresql://localhost:5432/parley "
            + "(default: $PARLEY_DB_URL). Its user and password come from PARLEY_DB_USER and PARLEY_DB_PASSWORD.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:PARLEY_DB_USER}",
        description = "The database user (default: $PARLEY_DB_USER).")
    String dbUser;

    @Mixin
    AccountOptions account;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParleyConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            err.println("parley: " + e.getMessage());
            err.flush();
            return 2;
        }
        Parley parley;
        try {
            parley = Parley.create(config);
        } catch (StoreException | AccountException e) {
            err.println("parley: cannot start on " + config.database().map(Object::toString)
                .orElse(config.dataDirectory().toAbsolutePath().toString()) + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        ParleyServer server;
        try {
            server = ParleyServer.start(parley);
        } catch (RuntimeException e) {
            parley.close();
            err.println("parley: cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        Runnable stop = () -> {
            server.close();
            parley.close();
        };
        Thread hook = new Thread(stop, "parley-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        banner(out, parley, server);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.run();
        }
        return 0;
    }

    private ParleyConfig config() {
        ParleyConfig config = ParleyConfig.defaults().withHost(host).withPort(port).withDataDirectory(dataDirectory);
        if (publicUrl != null) config = config.withPublicUrl(publicUrl);
        if (dbUrl != null && !dbUrl.isBlank()) {
            config = config.withDatabase(new ParleyConfig.Database(dbUrl, Optional.ofNullable(dbUser),
                Optional.ofNullable(System.getenv("PARLEY_DB_PASSWORD"))));
        }
        config = account.credentials().map(config::withCredentials).orElse(config);
        return config.withNumbers(numbers.stream().map(ParleyConfig.NumberRoute::parse).toList());
    }

    private void banner(PrintWriter out, Parley parley, ParleyServer server) {
        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
        Account account = parley.account();
        ParleyConfig config = parley.config();
        out.println("Parley is listening on " + url);
        out.println("  data        " + config.dataDirectory().toAbsolutePath().normalize()
            + config.database().map(db -> " (recordings; the rest in " + db.jdbcUrl() + ")").orElse(" (H2)"));
        out.println("  account     " + account.sid());
        switch (parley.accountOrigin()) {
            case CONFIGURED -> out.println("  auth token  (as given)");
            case CREATED, KEPT -> {
                out.println("  auth token  " + account.authToken());
                out.println("  (" + (parley.accountOrigin() == Parley.AccountOrigin.CREATED ? "a new account"
                    : "the account created on the first start") + ", kept with the data: export PARLEY_ACCOUNT_SID="
                    + account.sid() + " PARLEY_AUTH_TOKEN=" + account.authToken() + " to use it from 'parley call')");
            }
        }
        for (var number : parley.directory().numbers(account.sid())) {
            out.println("  number      " + number.phoneNumber() + " -> " + number.voiceUrl().orElse("(no voice URL)"));
        }
        out.println("  control API " + url + "/parley/v1 (docs/virtual-phones.md)");
        out.flush();
    }
}
