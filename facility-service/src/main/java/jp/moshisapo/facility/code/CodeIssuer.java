package jp.moshisapo.facility.code;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.facility.outbox.OutboxRepository;
import jp.moshisapo.facility.qr.ScannerCheck;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;
import jp.moshisapo.protocol.events.Topic;

/**
 * Issues and revokes printed codes. Each change writes its {@link CodeState} event to the outbox in the same
 * transaction, so the database and {@code facility.codes.v1} never disagree.
 */
@ApplicationScoped
public class CodeIssuer {

    /**
     * 40 random bits make a clash rare, and about one code in 420 is redrawn because its QR symbol may not scan
     * ({@link ScannerCheck}); a few redraws make both harmless.
     */
    private static final int MAX_DRAWS = 10;

    private final CodeRepository codes;
    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final CodeLinks links;
    private final SecureRandom random = new SecureRandom();

    CodeIssuer(CodeRepository codes, OutboxRepository outbox, ObjectMapper json, CodeLinks links) {
        this.codes = codes;
        this.outbox = outbox;
        this.json = json;
        this.links = links;
    }

    /** One new code per room, numbered after the venue's existing ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CodeRecord> issue(Facility facility, List<String> rooms, Instant now) {
        int position = codes.nextPosition(facility.id());
        List<CodeRecord> issued = new ArrayList<>(rooms.size());
        for (String room : rooms) {
            PrintedCode code = drawUnused(facility, room, position, now);
            CodeRecord record = new CodeRecord(code, facility.id(), room, position, CodeState.Status.ACTIVE, now, null);
            announce(record, facility, now);
            issued.add(record);
            position++;
        }
        return issued;
    }

    /** Revokes the venue's active code; false when it is unknown to the venue or already revoked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revoke(Facility facility, CodeRecord code, Instant now) {
        if (!codes.revoke(code.code(), facility.id(), now)) {
            return false;
        }
        announce(new CodeRecord(code.code(), facility.id(), code.room(), code.position(), CodeState.Status.REVOKED,
                code.issuedAt(), now), facility, now);
        return true;
    }

    private PrintedCode drawUnused(Facility facility, String room, int position, Instant now) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            PrintedCode code = PrintedCode.generate(random);
            if (ScannerCheck.detectable(links.checkin(code))
                    && codes.insertIfNew(code, facility.id(), room, position, now)) {
                return code;
            }
        }
        throw new IllegalStateException("no unused, scannable code after " + MAX_DRAWS
                + " draws: is the random source broken?");
    }

    private void announce(CodeRecord code, Facility facility, Instant now) {
        CodeState event = CodeState.of(code.code().canonical(), code.status(), facility.id(), facility.name(),
                facility.businessType().name(), code.room(), now);
        try {
            outbox.append(Topic.FACILITY_CODES, code.code().canonical(), json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event, e);
        }
    }
}
