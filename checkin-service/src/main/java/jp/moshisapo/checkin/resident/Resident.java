package jp.moshisapo.checkin.resident;

import java.util.Objects;

/**
 * A LINE user talking to the official account. The LINE user id is personal data: it goes to LINE and, sealed,
 * into Kafka events only; logs and {@link #toString()} show the pseudonym's prefix instead.
 */
public record Resident(String lineUserId, Pseudonym pseudonym) {

    public Resident {
        Objects.requireNonNull(lineUserId, "lineUserId");
        Objects.requireNonNull(pseudonym, "pseudonym");
    }

    @Override
    public String toString() {
        return pseudonym.toString();
    }
}
