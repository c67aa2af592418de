package jp.moshisapo.facility.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import jp.moshisapo.facility.code.CodeIssuer;
import jp.moshisapo.facility.code.CodeRecord;
import jp.moshisapo.facility.mail.VenueMails;
import jp.moshisapo.facility.management.ManagementToken;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.facility.venue.FacilityRepository;
import jp.moshisapo.problem.Language;

/**
 * Registers a venue: the venue row, one code per room, their events and the confirmation mail commit together or
 * not at all.
 */
@ApplicationScoped
public class FacilityRegistration {

    private final FacilityRepository facilities;
    private final CodeIssuer issuer;
    private final VenueMails mails;
    private final SecureRandom random = new SecureRandom();

    FacilityRegistration(FacilityRepository facilities, CodeIssuer issuer, VenueMails mails) {
        this.facilities = facilities;
        this.issuer = issuer;
        this.mails = mails;
    }

    /** Registers the venue; the confirmation mail is in {@code language}, the language of the form used. */
    @Transactional
    public Registration register(NewFacility input, Language language) {
        // Microseconds: what PostgreSQL keeps, so the stored row and the published event carry the same time.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Facility facility = new Facility(UUID.randomUUID(), input.businessType(), input.scale(), input.name(),
                input.postalCode(), input.address1(), input.address2(), input.phone(), input.email(),
                input.receiveNotices(), now);
        String token = ManagementToken.generate(random);
        facilities.insert(facility, ManagementToken.hash(token), now);
        List<CodeRecord> codes = issuer.issue(facility, input.rooms(), now);
        mails.confirmRegistration(facility, codes, token, language);
        return new Registration(facility, token, codes);
    }
}
