package jp.moshisapo.facility.management;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.moshisapo.facility.code.CodeIssuer;
import jp.moshisapo.facility.code.CodeRecord;
import jp.moshisapo.facility.code.CodeRepository;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.facility.venue.FacilityRepository;
import jp.moshisapo.facility.input.RoomNames;
import jp.moshisapo.protocol.code.InvalidCodeException;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.facility.text.VenueTexts;

/** What a venue may do with its token: add rooms (new codes) and revoke codes. */
@ApplicationScoped
public class FacilityManagement {

    private final FacilityRepository facilities;
    private final CodeRepository codes;
    private final CodeIssuer issuer;
    private final SecureRandom random = new SecureRandom();

    FacilityManagement(FacilityRepository facilities, CodeRepository codes, CodeIssuer issuer) {
        this.facilities = facilities;
        this.codes = codes;
        this.issuer = issuer;
    }

    public List<CodeRecord> codes(Facility facility) {
        return codes.ofFacility(facility.id());
    }

    public List<CodeRecord> activeCodes(Facility facility) {
        return codes(facility).stream().filter(CodeRecord::active).toList();
    }

    @Transactional
    public List<CodeRecord> addRooms(Facility facility, List<String> rooms) {
        facilities.lock(facility.id()); // one change per venue at a time: positions and names stay unique
        Set<String> taken = activeCodes(facility).stream().map(CodeRecord::room).collect(Collectors.toSet());
        List<FieldProblem> errors = new ArrayList<>();
        List<String> names = RoomNames.check(rooms, taken, errors);
        if (!errors.isEmpty()) {
            throw Refusals.invalid(errors);
        }
        return issuer.issue(facility, names, now());
    }

    /** Revokes one of the venue's codes (again is fine: nothing changes, nothing is published). */
    @Transactional
    public CodeRecord revoke(Facility facility, String codeText) {
        facilities.lock(facility.id());
        CodeRecord code = ownCode(facility, codeText);
        if (!code.active()) {
            return code;
        }
        Instant now = now();
        issuer.revoke(facility, code, now);
        return codes.find(code.code()).orElseThrow();
    }

    /**
     * Replaces the venue's token with a new one and returns it (the only time it is seen): from the commit on, the
     * presented token opens nothing, exactly like a token that never existed.
     */
    @Transactional
    public String rotateToken(Facility facility, String presentedToken) {
        String token = ManagementToken.generate(random);
        if (!facilities.replaceManagementTokenHash(facility.id(), ManagementToken.hash(presentedToken),
                ManagementToken.hash(token))) {
            throw Refusals.notFound(VenueTexts::problem_facility_not_found); // rotated meanwhile by someone else
        }
        return token;
    }

    private CodeRecord ownCode(Facility facility, String codeText) {
        try {
            return codes.find(PrintedCode.parse(codeText))
                    .filter(code -> code.facilityId().equals(facility.id()))
                    .orElseThrow(() -> Refusals.notFound(VenueTexts::problem_code_not_found));
        } catch (InvalidCodeException e) {
            throw Refusals.notFound(VenueTexts::problem_code_not_found);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
