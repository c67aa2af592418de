package jp.moshisapo.checkin.resident;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * How this service stores and logs a resident: HMAC-SHA256 of the LINE user id under a secret key. Without the key
 * a pseudonym cannot be traced back to a LINE account; with it, the same resident always gets the same pseudonym.
 */
public record Pseudonym(byte[] bytes) {

    public Pseudonym {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("a pseudonym is 32 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * All 64 hex digits: the Kafka record key of a resident's events (checkin.webhook-events.v1,
     * checkin.residents.v1), so they stay in order on one partition without naming the LINE account.
     */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The first 8 hex digits: enough to follow one resident through the logs, too little to be a key. */
    public String logPrefix() {
        return HexFormat.of().formatHex(bytes, 0, 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pseudonym p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "resident:" + logPrefix();
    }
}
