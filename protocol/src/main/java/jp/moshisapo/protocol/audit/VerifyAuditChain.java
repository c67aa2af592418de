package jp.moshisapo.protocol.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import jp.moshisapo.protocol.audit.AuditChain.Anchor;
import jp.moshisapo.protocol.audit.AuditChain.Verification;

/**
 * The operators' command: verifies a service's audit log with nothing but a database connection (the service need
 * not run). {@code VerifyAuditChain notification|facility [SEQ HASH]} reads {@code <SERVICE>_DB_URL},
 * {@code _DB_USER} and {@code _DB_PASSWORD}, the variables the service's container already has (SELECT on the
 * audit table is all it needs); {@code SEQ HASH}, a head logged earlier, must still be in the chain. Prints one
 * line and exits 0 (OK), 1 (broken) or 2 (could not read). Usage: docs/operations.md, "Verifying the audit log".
 */
public final class VerifyAuditChain {

    /** Each service's audit table. */
    private static final Map<String, String> TABLES = Map.of(
            "notification", "notification.audit_event",
            "facility", "facility.staff_audit");

    private VerifyAuditChain() {
    }

    public static void main(String[] args) {
        if ((args.length != 1 && args.length != 3) || !TABLES.containsKey(args[0])) {
            fail("usage: VerifyAuditChain notification|facility [SEQ HASH]   (SEQ HASH: an \"Audit chain head\" "
                    + "from the log)");
        }
        String service = args[0];
        Anchor anchor = args.length == 3 ? Anchor.of(Long.parseLong(args[1]), args[2]) : null;
        String prefix = service.toUpperCase() + "_DB_";
        String url = System.getenv(prefix + "URL");
        if (url == null || url.isBlank()) {
            fail(prefix + "URL is not set");
        }
        Properties login = new Properties();
        login.setProperty("user", System.getenv().getOrDefault(prefix + "USER", ""));
        login.setProperty("password", System.getenv().getOrDefault(prefix + "PASSWORD", ""));
        try (Connection c = DriverManager.getConnection(url, login)) {
            Verification result = AuditChainReader.verify(c, TABLES.get(service), anchor);
            System.out.println(TABLES.get(service) + ": " + result.describe());
            System.exit(result.ok() ? 0 : 1);
        } catch (SQLException e) {
            fail("could not read " + TABLES.get(service) + ": " + e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
