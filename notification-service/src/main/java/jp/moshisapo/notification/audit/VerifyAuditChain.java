package jp.moshisapo.notification.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import jp.moshisapo.protocol.audit.AuditChain.Anchor;
import jp.moshisapo.protocol.audit.AuditChain.Verification;

/**
 * The operators' command: verifies the audit log's hash chain with nothing but a database connection (the
 * service need not run). Reads NOTIFICATION_DB_URL, NOTIFICATION_DB_USER and NOTIFICATION_DB_PASSWORD, the
 * variables the service's container already has; SELECT on audit_event is all it needs. Prints one line and
 * exits 0 (OK), 1 (broken) or 2 (could not read). Arguments {@code SEQ HASH} (a head logged earlier) make the
 * chain also prove it still passes through that head. Usage: docs/operations.md, "Verifying the audit log".
 */
public final class VerifyAuditChain {

    private VerifyAuditChain() {
    }

    public static void main(String[] args) {
        Anchor anchor = null;
        if (args.length == 2) {
            anchor = Anchor.of(Long.parseLong(args[0]), args[1]);
        } else if (args.length != 0) {
            System.err.println("usage: VerifyAuditChain [SEQ HASH]   (a head from an \"Audit chain head\" log line)");
            System.exit(2);
        }
        String url = System.getenv("NOTIFICATION_DB_URL");
        if (url == null || url.isBlank()) {
            System.err.println("NOTIFICATION_DB_URL is not set");
            System.exit(2);
        }
        Properties login = new Properties();
        login.setProperty("user", System.getenv().getOrDefault("NOTIFICATION_DB_USER", ""));
        login.setProperty("password", System.getenv().getOrDefault("NOTIFICATION_DB_PASSWORD", ""));
        login.setProperty("currentSchema", "notification");
        try (Connection c = DriverManager.getConnection(url, login)) {
            Verification result = AuditChainReader.verify(c, anchor);
            System.out.println("notification audit_event: " + result.describe());
            System.exit(result.ok() ? 0 : 1);
        } catch (SQLException e) {
            System.err.println("could not read audit_event: " + e.getMessage());
            System.exit(2);
        }
    }
}
