package jp.moshisapo.linesim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.moshisapo.linesim.LineIds;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.http.HttpIo;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code line-simulator serve} runs the simulator until SIGTERM/Ctrl-C; the other commands play a resident
 * against a running one: {@code scan CODE as NAME}, {@code tap LABEL as NAME}, {@code text "..." as NAME},
 * {@code postback DATA as NAME}, {@code follow NAME}, {@code unfollow NAME}, {@code inbox NAME}, {@code users},
 * {@code stats}, {@code id NAME}.
 */
public final class Main {

    private static final String USAGE = """
            usage: line-simulator [--sim URL] [--base URL] [--no-wait] COMMAND
              serve                      run the simulator (settings from LINE_SIM_* / LINE_* variables)
              scan CODE as NAME          open BASE/c/CODE like a phone camera and send LINE's prefilled text
              tap LABEL as NAME          tap the newest button with this label in NAME's chat
              text "TEXT" as NAME        send a text message
              postback DATA as NAME      send a postback with this data
              follow NAME | unfollow NAME
              inbox NAME                 show NAME's chat
              users                      message count per user
              stats                      Messaging API counters
              id NAME                    print the LINE user id the simulator uses for NAME
            NAME is a plain name (turned into a stable LINE user id) or a user id U + 32 hex.
            --sim   the simulator, default $LINE_SIM_URL or http://127.0.0.1:8090
            --base  public base URL of the QR codes, default $PUBLIC_BASE_URL or http://127.0.0.1:8080
            --no-wait  do not wait for the bot's answer after an action
            """;

    private final PrintStream out;
    private final SimClient sim;
    private final String base;
    private final boolean waitForAnswer;

    private Main(PrintStream out, SimClient sim, String base, boolean waitForAnswer) {
        this.out = out;
        this.sim = sim;
        this.base = base;
        this.waitForAnswer = waitForAnswer;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command with the given streams and environment; returns the exit code (0 ok, 1 failed, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) throws Exception {
        try {
            return parseAndRun(args, out, err, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    private static int parseAndRun(String[] args, PrintStream out, PrintStream err, Map<String, String> env)
            throws Exception {
        List<String> words = new ArrayList<>();
        String simUrl = env.getOrDefault("LINE_SIM_URL", "http://127.0.0.1:" + LineSimulatorConfig.DEFAULT_SERVE_PORT);
        String base = env.getOrDefault("PUBLIC_BASE_URL", "http://127.0.0.1:8080");
        boolean wait = true;
        for (Iterator<String> it = List.of(args).iterator(); it.hasNext(); ) {
            String arg = it.next();
            switch (arg) {
                case "--sim" -> simUrl = next(it, arg);
                case "--base" -> base = next(it, arg);
                case "--no-wait" -> wait = false;
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> words.add(arg);
            }
        }
        if (words.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        if (words.get(0).equals("serve")) {
            serve(out);
            return 0;
        }
        try {
            return new Main(out, new SimClient(URI.create(simUrl)), base, wait).command(words);
        } catch (SimClient.SimException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static void serve(PrintStream out) throws InterruptedException {
        LineSimulator simulator = LineSimulator.start(LineSimulatorConfig.fromEnv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "line-sim-shutdown"));
        out.println("LINE simulator listening on " + simulator.baseUrl()
                + " (Messaging API /v2/bot/..., control API and chat page " + simulator.baseUrl() + "/sim/)");
        out.println("webhook: " + simulator.config().webhookUrl() + "  bot: " + simulator.config().botBasicId());
        out.flush();
        stopped.await();
    }

    private int command(List<String> w) throws SimClient.SimException {
        String command = w.get(0);
        return switch (command) {
            case "scan" -> {
                String code = argAs(w, "scan CODE as NAME");
                String url = code.startsWith("http://") || code.startsWith("https://") ? code
                        : base.replaceAll("/+$", "") + "/c/" + code;
                yield act(user(w, 3), "scan", "url", url, "scanned " + url);
            }
            case "tap" -> act(user(w, 3), "tap", "label", argAs(w, "tap LABEL as NAME"), "tapped " + w.get(1));
            case "text" -> act(user(w, 3), "text", "text", argAs(w, "text \"TEXT\" as NAME"), "sent \"" + w.get(1) + "\"");
            case "postback" -> act(user(w, 3), "postback", "data", argAs(w, "postback DATA as NAME"), "postback " + w.get(1));
            case "follow" -> act(user(w, 1), "follow", "displayName", w.get(1), "followed the account");
            case "unfollow" -> act(user(w, 1), "unfollow", null, null, "blocked the account");
            case "inbox" -> inbox(user(w, 1), w.get(1));
            case "users" -> users();
            case "stats" -> {
                out.println(sim.get("/sim/stats").toPrettyString());
                yield 0;
            }
            case "id" -> {
                out.println(user(w, 1));
                yield 0;
            }
            default -> throw new IllegalArgumentException("unknown command: " + command);
        };
    }

    private int act(String userId, String action, String field, String value, String what)
            throws SimClient.SimException {
        int before = waitForAnswer ? sim.get("/sim/users/" + userId + "/inbox").size() : 0;
        ObjectNode body = HttpIo.MAPPER.createObjectNode();
        if (field != null) {
            body.put(field, value);
        }
        JsonNode result = sim.post("/sim/users/" + userId + "/" + action, body);
        int status = result.path("status").asInt();
        out.println(what + " → webhook " + (status == 0 ? "did not answer" : "answered " + status)
                + " (event " + result.path("webhookEventId").asText() + ", attempts " + result.path("attempts").asInt() + ")");
        if (waitForAnswer && result.path("ok").asBoolean()) {
            printNewMessages(userId, before);
        }
        return result.path("ok").asBoolean() ? 0 : 1;
    }

    /** The bot usually replies right after answering the webhook; show what arrives within a few seconds. */
    private void printNewMessages(String userId, int before) throws SimClient.SimException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        JsonNode inbox = sim.get("/sim/users/" + userId + "/inbox");
        while (inbox.size() <= before && System.nanoTime() < deadline) {
            pause();
            inbox = sim.get("/sim/users/" + userId + "/inbox");
        }
        if (inbox.size() <= before) {
            out.println("(no message from the bot yet)");
        }
        for (int i = before; i < inbox.size(); i++) {
            printMessage(inbox.get(i));
        }
    }

    private int inbox(String userId, String name) throws SimClient.SimException {
        JsonNode inbox = sim.get("/sim/users/" + userId + "/inbox");
        out.println(name + " (" + userId + "): " + inbox.size() + " message(s)");
        inbox.forEach(this::printMessage);
        return 0;
    }

    private int users() throws SimClient.SimException {
        JsonNode counts = sim.get("/sim/inbox");
        out.println(counts.size() + " user(s)");
        counts.fields().forEachRemaining(e -> out.println(e.getKey() + "  " + e.getValue().asInt()));
        return 0;
    }

    private void printMessage(JsonNode m) {
        out.println("[" + m.path("receivedAt").asText() + " " + m.path("via").asText() + "] "
                + m.path("text").asText().replace("\n", "\n    "));
        if (!m.path("actions").isEmpty()) {
            List<String> labels = new ArrayList<>();
            m.path("actions").forEach(a -> labels.add("[" + a.asText() + "]"));
            out.println("    " + String.join(" ", labels));
        }
    }

    private static String argAs(List<String> w, String usage) {
        if (w.size() != 4 || !w.get(2).equals("as")) {
            throw new IllegalArgumentException("expected: " + usage);
        }
        return w.get(1);
    }

    private static String user(List<String> w, int index) {
        if (w.size() <= index) {
            throw new IllegalArgumentException("missing NAME");
        }
        return LineIds.userIdOrNameToId(w.get(index));
    }

    private static String next(Iterator<String> it, String option) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return it.next();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
