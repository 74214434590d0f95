package dev.parley.server.cli;

import dev.parley.engine.account.Account;
import dev.parley.engine.account.AccountException;
import dev.parley.engine.conversation.ConversationException;
import dev.parley.engine.store.StoreException;
import dev.parley.server.Parley;
import dev.parley.server.ParleyConfig;
import dev.parley.server.ParleyServer;
import dev.parley.server.demo.Demo;
import dev.parley.server.demo.DemoApp;
import dev.parley.server.demo.DemoSetup;
import dev.parley.server.http.Routes;
import dev.parley.server.logging.LogFormat;
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
    description = {"Runs Parley in real time until stopped (Ctrl-C): the call engine with <Connect><Conversation>, "
        + "Twilio's REST APIs (2010-04-01 and the Conversations, Frontline and Monitor v1 APIs: docs/rest-api.md, "
        + "docs/rest-api-v1.md), virtual phones and their control API under /parley/v1 (docs/virtual-phones.md), "
        + "and Prometheus metrics at /metrics. With --demo, a Frontline company to call (docs/demo.md).",
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

    @Option(names = "--demo",
        description = "Sets up a demo to try at once: a Frontline service, workers on virtual phones, and a number "
            + "answered by a small app Parley serves itself; prints the 'parley call' commands to try (docs/demo.md). "
            + "Kept with the data: on data an earlier --demo left, it uses what that one set up.")
    boolean demo;

    @Mixin
    AccountOptions account;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "${env:PARLEY_LOG_FORMAT:-text}",
        description = "The log on standard error, one line per event: text (key=\"value\" fields) or json (one "
            + "object per line) (default: $PARLEY_LOG_FORMAT or text).")
    String logFormat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParleyConfig config;
        try {
            LogFormat.of(logFormat).install(System.err);
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
        Optional<DemoApp> demoApp = demo ? Optional.of(new DemoApp(parley.account().authToken())) : Optional.empty();
        ParleyServer server;
        try {
            server = ParleyServer.start(parley, demoApp.<List<Routes>>map(List::of).orElse(List.of()));
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
        Optional<Demo> set;
        try {
            set = demoApp.map(app -> startDemo(app, parley, server));
        } catch (AccountException | ConversationException | StoreException e) {
            stop.run();
            err.println("parley: cannot set up the demo: " + e.getMessage());
            err.flush();
            return 1;
        }
        Thread hook = new Thread(stop, "parley-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        banner(out, parley, server);
        set.ifPresent(d -> d.print(out));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.run();
        }
        return 0;
    }

    /**
     * Sets the demo up for this Parley's URL (again, on data an earlier {@code --demo} left: the same service,
     * workers and conversation, the number pointed at this URL) and lets its app answer.
     */
    private Demo startDemo(DemoApp app, Parley parley, ParleyServer server) {
        Demo set = DemoSetup.on(parley, parley.config().publicUrl().orElseGet(() -> url(server)));
        app.serve(set);
        return set;
    }

    private String url(ParleyServer server) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
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
        String url = url(server);
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
        out.println("  metrics     " + url + "/metrics (Prometheus, no credentials)");
        out.flush();
    }
}
