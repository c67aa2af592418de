package jp.moshisapo.checkin.resident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.quarkus.runtime.LaunchMode;
import jp.moshisapo.checkin.config.CheckinConfig;
import org.jboss.logging.Logger;

/** Turns LINE user ids into {@link Pseudonym}s with the key from {@code RESIDENT_PSEUDONYM_KEY}. */
@ApplicationScoped
public class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    /** The value application.properties falls back to when RESIDENT_PSEUDONYM_KEY is not set. */
    private static final String LOCAL_KEY = "moshisapo-local-pseudonym-key";
    private static final Logger LOG = Logger.getLogger(Pseudonymizer.class);

    private final SecretKeySpec key;
    /** A Mac is not thread-safe, and making one per call costs more than the HMAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @Inject
    public Pseudonymizer(CheckinConfig config) {
        this(config.residentPseudonymKey());
        if (LOCAL_KEY.equals(config.residentPseudonymKey()) && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("RESIDENT_PSEUDONYM_KEY is not set: residents are pseudonymised with the public local key");
        }
    }

    /** With the key itself, not the configuration: for tests and tools. */
    public Pseudonymizer(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("moshisapo.checkin.resident-pseudonym-key must not be blank");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public Resident resident(String lineUserId) {
        return new Resident(lineUserId, pseudonymOf(lineUserId));
    }

    public Pseudonym pseudonymOf(String lineUserId) {
        return new Pseudonym(macs.get().doFinal(lineUserId.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
