package jp.moshisapo.checkin.resident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.moshisapo.checkin.config.CheckinConfig;

/** Turns LINE user ids into {@link Pseudonym}s with the key from {@code RESIDENT_PSEUDONYM_KEY}. */
@ApplicationScoped
public class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Inject
    public Pseudonymizer(CheckinConfig config) {
        this(config.residentPseudonymKey());
    }

    Pseudonymizer(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("moshisapo.checkin.resident-pseudonym-key must not be blank");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public Resident resident(String lineUserId) {
        return new Resident(lineUserId, pseudonymOf(lineUserId));
    }

    public Pseudonym pseudonymOf(String lineUserId) {
        try {
            // A Mac is not thread-safe and cheap to make: one per call keeps this bean stateless.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return new Pseudonym(mac.doFinal(lineUserId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
