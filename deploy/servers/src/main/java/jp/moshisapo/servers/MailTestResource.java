package jp.moshisapo.servers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a Quarkus test's mailer at the shared real SMTP server (no mock: the mail really travels). */
public final class MailTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        MailServer mail = SharedServers.mail();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", mail.host(),
                "quarkus.mailer.port", Integer.toString(mail.smtpPort()));
    }

    @Override
    public void stop() {
        // shared for the whole test JVM; stopped at exit
    }
}
