package jp.moshisapo.facility.poster;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.moshisapo.facility.code.CodeLinks;
import jp.moshisapo.facility.code.CodeRecord;
import jp.moshisapo.facility.config.FacilityConfig;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.text.VenueTexts;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.problem.ProblemException;

/** The service's poster maker: the shipped font (read once) and the configured prefecture's wording. */
@ApplicationScoped
public class Posters {

    private final PosterRenderer renderer;
    private final CodeLinks links;
    private final RenderSlots slots;

    Posters(FacilityConfig config, CodeLinks links) {
        this.renderer = new PosterRenderer(PosterFont.load(), PosterWording.from(config.prefecture()));
        this.links = links;
        this.slots = new RenderSlots(config.posters().concurrentRenders(), config.posters().renderWait(),
                Posters::busy);
    }

    /** 503 with Retry-After: a poster takes tens of milliseconds, so a queue clears within seconds. */
    private static ProblemException busy() {
        return Refusals.unavailable(VenueTexts::problem_posters_busy).withHeader("Retry-After", "5");
    }

    public byte[] one(Facility facility, CodeRecord code) {
        return slots.draw(() -> renderer.render(poster(facility, code)));
    }

    /** One PDF with a page per code, in the venue's order. */
    public byte[] all(Facility facility, List<CodeRecord> codes) {
        return slots.draw(() -> renderer.renderAll(codes.stream().map(code -> poster(facility, code)).toList(),
                facility.name()));
    }

    /** The venue's table cards: 8 to an A4 sheet, in the venue's order. */
    public byte[] tableCards(Facility facility, List<CodeRecord> codes) {
        return slots.draw(() -> renderer.renderTableCards(codes.stream().map(code -> poster(facility, code))
                .toList(), facility.name()));
    }

    private Poster poster(Facility facility, CodeRecord code) {
        return new Poster(facility.name(), code.room(), code.code(), links.checkin(code.code()));
    }
}
