package jp.moshisapo.linesim;

import jp.moshisapo.linesim.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI a person uses in the walkthrough, against a running simulator. */
class CliIT {

    private final WebhookReceiver webhook = new WebhookReceiver();
    private final QrServer qr = new QrServer();
    private LineSimulator sim;

    @BeforeEach
    void start() {
        sim = LineSimulator.start(LineSimulatorConfig.defaults().withWebhookUrl(webhook.url()));
    }

    @AfterEach
    void stop() {
        sim.close();
        qr.close();
        webhook.close();
    }

    @Test
    void scanAsANameSendsTheCheckInTextForThatNamesUser() {
        qr.code("ABCD-EFGH-J", 302, "https://line.me/R/oaMessage/%40moshisapo/?%E3%83%81%E3%82%A7%E3%83%83%E3%82%AF"
                + "%E3%82%A4%E3%83%B3%20ABCD-EFGH-J");

        Run run = cli("--no-wait", "--base", qr.baseUrl().toString(), "scan", "ABCD-EFGH-J", "as", "hanako");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("webhook answered 200"), run.out());
        String body = new String(webhook.next().body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("チェックイン ABCD-EFGH-J"), body);
        assertTrue(body.contains(LineSimulator.userIdFor("hanako")), body);
    }

    @Test
    void followTextAndInboxPrintWhatHappened() {
        assertEquals(0, cli("--no-wait", "follow", "hanako").exitCode());
        assertEquals(0, cli("--no-wait", "text", "履歴", "as", "hanako").exitCode());
        new Api(sim).post("/v2/bot/message/push", Api.pushBody(LineSimulator.userIdFor("hanako"), Api.text("記録はありません")));

        Run inbox = cli("inbox", "hanako");

        assertEquals(0, inbox.exitCode());
        assertTrue(inbox.out().contains("記録はありません"), inbox.out());
    }

    @Test
    void failedWebhookAndUnknownCommandsGiveNonZeroExitCodes() {
        webhook.answerNext(500);
        assertEquals(1, cli("--no-wait", "text", "x", "as", "hanako").exitCode());
        assertEquals(2, cli("dance").exitCode());
        assertEquals(2, cli("tap", "同意する").exitCode());
        Run unreachable = cli("--sim", "http://127.0.0.1:1", "inbox", "hanako");
        assertEquals(1, unreachable.exitCode());
        assertTrue(unreachable.err().contains("no simulator answers"), unreachable.err());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run cli(String... args) {
        String[] withSim = new String[args.length + 2];
        withSim[0] = "--sim";
        withSim[1] = sim.baseUrl().toString();
        System.arraycopy(args, 0, withSim, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int code = Main.run(withSim, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
