package jp.moshisapo.facility.management;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.facility.venue.FacilityRepository;
import jp.moshisapo.facility.text.VenueTexts;

/**
 * Checks a venue's management token. A missing token is 401; an unknown venue and a wrong token are the same
 * 404, after the same hash comparison, so a caller learns nothing about which venues exist.
 */
@ApplicationScoped
public class ManagementAccess {

    private static final String BEARER = "Bearer ";
    /** Compared against when the venue does not exist, so both paths do the same work. */
    private static final byte[] NO_SUCH_HASH = ManagementToken.hash("no such facility");

    private final FacilityRepository facilities;

    ManagementAccess(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    public Facility authorize(String facilityId, String authorization) {
        String token = presentedToken(authorization);
        Optional<UUID> id = uuid(facilityId);
        Optional<byte[]> stored = id.flatMap(facilities::managementTokenHash);
        boolean matches = ManagementToken.matches(token, stored.orElse(NO_SUCH_HASH));
        if (stored.isEmpty() || !matches) {
            throw Refusals.notFound(VenueTexts::problem_facility_not_found);
        }
        return facilities.find(id.orElseThrow()).orElseThrow(() -> Refusals.notFound(
                VenueTexts::problem_facility_not_found));
    }

    /** The token of an {@code Authorization: Bearer} header; 401 when there is none. */
    static String presentedToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            throw Refusals.unauthorized();
        }
        return authorization.substring(BEARER.length()).strip();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
