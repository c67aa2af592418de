package jp.moshisapo.protocol.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash chain of the services' audit logs (notification's {@code audit_event}, facility's
 * {@code staff_audit}): each entry's {@code hash} is SHA-256 over the previous entry's hash and the entry's
 * canonical text. The database computes it on insert (a trigger in each service's migrations); this class
 * recomputes it to verify. It lives here because both services' triggers and their verifiers must agree on
 * the canonical text byte for byte (docs/security.md, "Audit log").
 */
public final class AuditChain {

    /** The {@code prev_hash} of the first entry. */
    public static final byte[] GENESIS = new byte[32];
    private static final String VERSION = "moshisapo-audit-v1";
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /**
     * One stored entry, as read back. {@code details} is PostgreSQL's text form of the jsonb value
     * ({@code details::text}), which is normalised, so the same value always has the same text.
     */
    public record Entry(long seq, Instant at, String actor, String actorName, String action, Long caseId,
            String details, byte[] prevHash, byte[] hash) {
    }

    /**
     * The canonical text, one field a line; text fields carry their length in characters first, so no content
     * can move a field boundary. The trigger builds the same text in SQL.
     */
    public static String canonical(Entry e) {
        long micros = Math.multiplyExact(e.at().getEpochSecond(), 1_000_000L) + e.at().getNano() / 1_000;
        return VERSION + '\n' + e.seq() + '\n' + micros + '\n' + counted(e.actor()) + '\n' + counted(e.actorName())
                + '\n' + counted(e.action()) + '\n' + (e.caseId() == null ? "-" : e.caseId().toString()) + '\n'
                + counted(e.details());
    }

    /** SHA-256(prev_hash || UTF-8 canonical text). */
    public static byte[] hash(byte[] prevHash, Entry e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash);
            sha.update(canonical(e).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    /** Walks the entries in seq order and stops at the first one that is not what the chain says it must be. */
    public static Verification verify(Iterable<Entry> entriesInSeqOrder) {
        return verify(entriesInSeqOrder, null);
    }

    /**
     * As {@link #verify(Iterable)}, and the chain must still pass through {@code anchor}, a head recorded earlier
     * outside the database (null: none): a chain rewritten by someone who recomputed every hash verifies on its
     * own, but no longer holds the anchored hash at the anchored seq.
     */
    public static Verification verify(Iterable<Entry> entriesInSeqOrder, Anchor anchor) {
        Entry previous = null;
        long count = 0;
        boolean anchorSeen = false;
        for (Entry entry : entriesInSeqOrder) {
            count++;
            Verification fault = check(previous, entry);
            if (fault != null) {
                return fault;
            }
            if (anchor != null && entry.seq() == anchor.seq()) {
                if (!Arrays.equals(entry.hash(), anchor.hash())) {
                    return Verification.fault(Fault.ALTERED, entry.seq(), "entry " + entry.seq()
                            + " is not the one anchored: the chain was rewritten from here or earlier");
                }
                anchorSeen = true;
            }
            previous = entry;
        }
        if (anchor != null && !anchorSeen) {
            return Verification.fault(Fault.MISSING, anchor.seq(), "the anchored entry " + anchor.seq()
                    + " is gone: the newest entries were removed");
        }
        return previous == null ? Verification.ok(0, 0, null) : Verification.ok(count, previous.seq(),
                previous.hash());
    }

    /** A head recorded earlier (seq and hash from a logged "Audit chain head" line). */
    public record Anchor(long seq, byte[] hash) {

        /** Reads a hash as logged: 64 hex digits. */
        public static Anchor of(long seq, String hexHash) {
            byte[] hash = HEX.parseHex(hexHash);
            if (hash.length != 32) {
                throw new IllegalArgumentException("a SHA-256 hash is 64 hex digits");
            }
            return new Anchor(seq, hash);
        }
    }

    // The order of the checks decides the diagnosis: numbering first (a missing or doubled seq), then the link to
    // the previous entry (an entry slipped in between, or one rewritten with a recomputed hash), then the entry's
    // own content.
    private static Verification check(Entry previous, Entry entry) {
        long expected = previous == null ? 1 : previous.seq() + 1;
        byte[] expectedPrev = previous == null ? GENESIS : previous.hash();
        if (previous != null && entry.seq() == previous.seq()) {
            return Verification.fault(Fault.INSERTED, entry.seq(),
                    "two entries carry seq " + entry.seq() + ": one of them was added afterwards");
        }
        if (entry.seq() != expected) {
            return Verification.fault(Fault.MISSING, expected, entry.seq() > expected
                    ? "entries " + expected + (entry.seq() - 1 > expected ? ".." + (entry.seq() - 1) : "")
                    + " are missing (the next entry is " + entry.seq() + ")"
                    : "entry " + entry.seq() + " is out of order");
        }
        if (!Arrays.equals(entry.prevHash(), expectedPrev)) {
            if (previous != null && Arrays.equals(entry.prevHash(), previous.prevHash())) {
                return Verification.fault(Fault.INSERTED, previous.seq(), "entry " + previous.seq()
                        + " was added afterwards: entry " + entry.seq() + " links to the entry before it");
            }
            long suspect = previous == null ? entry.seq() : previous.seq();
            return Verification.fault(Fault.ALTERED, suspect, previous == null
                    ? "entry " + entry.seq() + " does not start the chain"
                    : "entry " + previous.seq() + " was rewritten with a recomputed hash (entry " + entry.seq()
                    + " still links to the original), or entry " + entry.seq() + "'s link was changed");
        }
        if (!Arrays.equals(entry.hash(), hash(entry.prevHash(), entry))) {
            return Verification.fault(Fault.ALTERED, entry.seq(), "entry " + entry.seq()
                    + " does not match its hash: its content was changed");
        }
        return null;
    }

    private static String counted(String text) {
        return text.codePointCount(0, text.length()) + ":" + text;
    }

    /** What kind of tampering the first bad entry shows. */
    public enum Fault {
        /** The entry's content, or its hash, is not what was written. */
        ALTERED,
        /** The entry was not in the chain when the next one was written. */
        INSERTED,
        /** Entries with these numbers were removed. */
        MISSING
    }

    /**
     * The outcome: OK with the head (the last entry's seq and hash, to compare with an anchored head), or the
     * first entry that breaks the chain.
     */
    public record Verification(boolean ok, long entries, long headSeq, String headHash, Fault fault, Long seq,
            String detail) {

        static Verification ok(long entries, long headSeq, byte[] headHash) {
            return new Verification(true, entries, headSeq, hex(headHash), null, null, null);
        }

        static Verification fault(Fault fault, long seq, String detail) {
            return new Verification(false, 0, 0, null, fault, seq, detail);
        }

        /** One line for logs and the command. */
        public String describe() {
            return ok ? "OK: " + entries + " entries, head seq=" + headSeq + " hash=" + (headHash == null ? "-"
                    : headHash)
                    : "BROKEN at seq " + seq + " (" + fault + "): " + detail;
        }
    }
}
