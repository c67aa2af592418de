package jp.moshisapo.protocol.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.protocol.audit.AuditChain.Entry;
import jp.moshisapo.protocol.audit.AuditChain.Fault;
import jp.moshisapo.protocol.audit.AuditChain.Verification;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-12-02T01:02:03.456789Z");

    @Test
    void theCanonicalTextCountsCharactersSoNoFieldCanSpillIntoTheNext() {
        Entry entry = new Entry(7, T0, "sub-1", "保健師\n2", "CASE_VIEWED", null, "{\"residents\": 3}", null, null);
        assertEquals("moshisapo-audit-v1\n7\n1796173323456789\n5:sub-1\n5:保健師\n2\n11:CASE_VIEWED\n-\n16:{\"residents\": 3}",
                AuditChain.canonical(entry));
    }

    @Test
    void anUntouchedChainIsOkAndNamesItsHead() {
        List<Entry> chain = chain(5);
        Verification result = AuditChain.verify(chain);
        assertTrue(result.ok(), result.describe());
        assertEquals(5, result.entries());
        assertEquals(5, result.headSeq());
        assertEquals(AuditChain.hex(chain.get(4).hash()), result.headHash());
    }

    @Test
    void changedDetailsAreReportedAtThatEntry() {
        List<Entry> chain = chain(5);
        Entry e = chain.get(2);
        chain.set(2, new Entry(e.seq(), e.at(), e.actor(), e.actorName(), e.action(), e.caseId(),
                "{\"residents\": 0}", e.prevHash(), e.hash()));
        assertFault(Fault.ALTERED, 3, AuditChain.verify(chain));
    }

    @Test
    void aRewrittenEntryWithARecomputedHashIsCaughtByTheNextLink() {
        List<Entry> chain = chain(5);
        Entry e = chain.get(2);
        Entry rewritten = new Entry(e.seq(), e.at(), "someone-else", e.actorName(), e.action(), e.caseId(),
                e.details(), e.prevHash(), null);
        chain.set(2, withHash(rewritten, AuditChain.hash(e.prevHash(), rewritten)));
        assertFault(Fault.ALTERED, 3, AuditChain.verify(chain));
    }

    @Test
    void aDeletedMiddleEntryIsReportedMissing() {
        List<Entry> chain = chain(5);
        chain.remove(1);
        assertFault(Fault.MISSING, 2, AuditChain.verify(chain));
    }

    @Test
    void aDeletedFirstEntryIsReportedMissing() {
        List<Entry> chain = chain(3);
        chain.remove(0);
        assertFault(Fault.MISSING, 1, AuditChain.verify(chain));
    }

    @Test
    void aForgedEntrySlippedInWithCorrectHashesIsReportedInserted() {
        List<Entry> chain = chain(5);
        // A forger who knows the algorithm: renumbers the later entries and chains the forgery to entry 2.
        Entry forged = new Entry(3, T0, "sub-x", "forger", "CASE_APPROVED", 1L, "{}", chain.get(1).hash(), null);
        List<Entry> tampered = new ArrayList<>(chain.subList(0, 2));
        tampered.add(withHash(forged, AuditChain.hash(forged.prevHash(), forged)));
        for (Entry e : chain.subList(2, 5)) {
            tampered.add(new Entry(e.seq() + 1, e.at(), e.actor(), e.actorName(), e.action(), e.caseId(),
                    e.details(), e.prevHash(), e.hash()));
        }
        assertFault(Fault.INSERTED, 3, AuditChain.verify(tampered));
    }

    @Test
    void aSecondEntryWithTheSameNumberIsReportedInserted() {
        List<Entry> chain = chain(4);
        Entry e = chain.get(1);
        chain.add(2, new Entry(2, T0, "sub-x", "forger", "CASE_APPROVED", 1L, "{}", e.prevHash(), e.hash()));
        assertFault(Fault.INSERTED, 2, AuditChain.verify(chain));
    }

    @Test
    void aChainRewrittenWithEveryHashRecomputedVerifiesButMissesItsAnchor() {
        List<Entry> chain = chain(5);
        AuditChain.Anchor anchor = new AuditChain.Anchor(4, chain.get(3).hash());
        assertTrue(AuditChain.verify(chain, anchor).ok());
        // The owner changes entry 2 and recomputes 2..5: the chain alone is consistent again.
        List<Entry> rewritten = new ArrayList<>(chain.subList(0, 1));
        byte[] prev = chain.get(0).hash();
        for (Entry e : chain.subList(1, 5)) {
            Entry changed = new Entry(e.seq(), e.at(), e.actor(), e.seq() == 2 ? "someone-else" : e.actorName(),
                    e.action(), e.caseId(), e.details(), prev, null);
            changed = withHash(changed, AuditChain.hash(prev, changed));
            rewritten.add(changed);
            prev = changed.hash();
        }
        assertTrue(AuditChain.verify(rewritten).ok());
        assertFault(Fault.ALTERED, 4, AuditChain.verify(rewritten, anchor));
        assertFault(Fault.MISSING, 4, AuditChain.verify(chain.subList(0, 3), anchor));
    }

    @Test
    void anEmptyLogIsOk() {
        Verification result = AuditChain.verify(List.of());
        assertTrue(result.ok());
        assertEquals(0, result.headSeq());
    }

    private static void assertFault(Fault fault, long seq, Verification result) {
        assertFalse(result.ok(), "tampering went unnoticed");
        assertEquals(fault, result.fault(), result.describe());
        assertEquals(seq, result.seq(), result.describe());
    }

    private static List<Entry> chain(int n) {
        List<Entry> chain = new ArrayList<>();
        byte[] prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            Entry e = new Entry(i, T0.plusSeconds(i), "sub-" + i, "staff" + i, "CASE_VIEWED", (long) i,
                    "{\"residents\": " + i + "}", prev, null);
            e = withHash(e, AuditChain.hash(prev, e));
            chain.add(e);
            prev = e.hash();
        }
        return chain;
    }

    private static Entry withHash(Entry e, byte[] hash) {
        return new Entry(e.seq(), e.at(), e.actor(), e.actorName(), e.action(), e.caseId(), e.details(),
                e.prevHash(), hash);
    }
}
