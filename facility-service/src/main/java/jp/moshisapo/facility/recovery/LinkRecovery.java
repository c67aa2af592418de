package jp.moshisapo.facility.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.List;
import jp.moshisapo.facility.config.FacilityConfig;
import jp.moshisapo.facility.mail.VenueMails;
import jp.moshisapo.facility.management.ManagementToken;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.facility.venue.FacilityRepository;
import jp.moshisapo.problem.Language;
import org.jboss.logging.Logger;

/**
 * 「管理用リンクを再送する」: every venue registered with the address gets a new management token, mailed to that
 * address in the same transaction; the old token stops working with the commit. An unknown address, or one over
 * its limit, changes nothing and answers the same.
 */
@ApplicationScoped
public class LinkRecovery {

    private static final Logger LOG = Logger.getLogger(LinkRecovery.class);

    private final FacilityRepository facilities;
    private final RecoveryRequests requests;
    private final VenueMails mails;
    private final FacilityConfig.Recovery config;
    private final SecureRandom random = new SecureRandom();

    LinkRecovery(FacilityRepository facilities, RecoveryRequests requests, VenueMails mails, FacilityConfig config) {
        this.facilities = facilities;
        this.requests = requests;
        this.mails = mails;
        this.config = config.recovery();
    }

    /** Answers how many links were mailed, for tests and logs only: the caller never tells the requester. */
    @Transactional
    public int recover(String address, Language language) {
        if (!requests.admit(address, config.perAddress(), config.window())) {
            LOG.info("management link recovery over the per-address limit: nothing sent");
            return 0;
        }
        List<Facility> venues = facilities.withEmail(address);
        for (Facility venue : venues) {
            facilities.lock(venue.id());
            String token = ManagementToken.generate(random);
            facilities.setManagementTokenHash(venue.id(), ManagementToken.hash(token));
            mails.sendManagementLink(venue, token, language);
        }
        return venues.size();
    }
}
