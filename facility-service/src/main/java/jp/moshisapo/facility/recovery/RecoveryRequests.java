package jp.moshisapo.facility.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import jp.moshisapo.facility.jdbc.Jdbc;
import jp.moshisapo.facility.mail.MailAddress;

/**
 * {@code facility.link_requests}: when which address asked for its management link, known or not, so the limit per
 * address holds for every instance and says nothing about which addresses are registered. Only a hash of the
 * address is kept, and only for a day.
 */
@ApplicationScoped
class RecoveryRequests {

    private static final Duration KEPT = Duration.ofDays(1);

    private final Jdbc jdbc;

    RecoveryRequests(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a request for {@code address} and answers whether it is within {@code limit} requests per
     * {@code window} (this one included). Serialised per address by an advisory lock, so two requests at once
     * cannot both be the last one allowed.
     */
    boolean admit(String address, int limit, Duration window) {
        byte[] key = key(address);
        jdbc.one("SELECT pg_advisory_xact_lock(hashtextextended(encode(?, 'hex'), 0))", row -> row.getObject(1), key);
        jdbc.update("DELETE FROM facility.link_requests WHERE requested_at < now() - ? * interval '1 second'",
                KEPT.toSeconds());
        long recent = jdbc.one("""
                SELECT count(*) FROM facility.link_requests
                WHERE address_key = ? AND requested_at >= now() - ? * interval '1 millisecond'""",
                row -> row.getLong(1), key, window.toMillis()).orElse(0L);
        jdbc.update("INSERT INTO facility.link_requests (address_key) VALUES (?)", key);
        return recent < limit;
    }

    private static byte[] key(String address) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(MailAddress.key(address).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
