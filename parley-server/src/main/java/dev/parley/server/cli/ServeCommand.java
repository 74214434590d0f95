package dev.parley.server.cli;

import dev.parley.engine.account.Account;
import dev.parley.server.Parley;
import dev.parley.server.ParleyConfig;
import dev.parley.server.ParleyServer;
import dev.parley.server.demo.Demo;
import dev.parley.server.demo.DemoApp;
import dev.parley.server.demo.DemoSetup;
import dev.parley.server.http.Routes;
import dev.parley.server.logging.LogFormat;
import java.io.PrintWriter;
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
 * {@code parley serve}: runs Parley in real time until stopped. A first version: in memory, virtual phones for
 * telephony, and the control API; persistence, the Twilio REST API and the rest come with later issues.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs Parley in real time until stopped (Ctrl-C): virtual phones, the call engine, and the control "
        + "API under /parley/v1 (docs/virtual-phones.md).",
        "In memory for now: accounts, numbers, phones and calls are lost when it stops.",
        "The account comes from PARLEY_ACCOUNT_SID and PARLEY_AUTH_TOKEN (or the options); without them a new "
            + "account is created and its credentials printed."})
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

    @Option(names = "--demo",
        description = "Sets up a demo to try at once: a Frontline service, workers on virtual phones, and a number "
            + "answered by a small app Parley serves itself; prints the 'parley call' commands to try (docs/demo.md).")
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
        Parley parley = Parley.create(config);
        Optional<DemoApp> demoApp = demo ? Optional.of(new DemoApp(parley.account().authToken())) : Optional.empty();
        ParleyServer server;
        try {
            server = ParleyServer.start(parley, demoApp.<List<Routes>>map(List::of).orElse(List.of()));
        } catch (RuntimeException e) {
            err.println("parley: cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        Thread hook = new Thread(server::close, "parley-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        banner(out, parley, server);
        demoApp.ifPresent(app -> startDemo(app, parley, server, out));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
        }
        return 0;
    }

    /** Sets the demo up for this Parley's URL, lets its app answer, and says how to try it. */
    private void startDemo(DemoApp app, Parley parley, ParleyServer server, PrintWriter out) {
        Demo set = DemoSetup.on(parley, parley.config().publicUrl().orElseGet(() -> url(server)));
        app.serve(set);
        set.print(out);
    }

    private String url(ParleyServer server) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
    }

    private ParleyConfig config() {
        ParleyConfig config = ParleyConfig.defaults().withHost(host).withPort(port);
        if (publicUrl != null) config = config.withPublicUrl(publicUrl);
        config = account.credentials().map(config::withCredentials).orElse(config);
        return config.withNumbers(numbers.stream().map(ParleyConfig.NumberRoute::parse).toList());
    }

    private void banner(PrintWriter out, Parley parley, ParleyServer server) {
        String url = url(server);
        Account account = parley.account();
        out.println("Parley is listening on " + url + " (in memory: everything is lost when it stops)");
        out.println("  account     " + account.sid());
        if (parley.config().credentials().isPresent()) {
            out.println("  auth token  (as given)");
        } else {
            out.println("  auth token  " + account.authToken());
            out.println("  (a new account: export PARLEY_ACCOUNT_SID=" + account.sid() + " PARLEY_AUTH_TOKEN="
                + account.authToken() + " to use it from 'parley call', or to keep it across restarts)");
        }
        for (var number : parley.directory().numbers(account.sid())) {
            out.println("  number      " + number.phoneNumber() + " -> " + number.voiceUrl().orElse("(no voice URL)"));
        }
        out.println("  control API " + url + "/parley/v1 (docs/virtual-phones.md)");
        out.println("  metrics     " + url + "/metrics (Prometheus, no credentials)");
        out.flush();
    }
}
