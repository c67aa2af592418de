package jp.moshisapo.facility.web;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.facility.venue.ScaleBand;

/** The form's choices, in their order, for the templates ({@code {#for type in businessTypes}}). */
@TemplateGlobal
final class Choices {

    static final List<BusinessType> businessTypes = List.of(BusinessType.values());
    static final List<ScaleBand> scales = List.of(ScaleBand.values());

    private Choices() {
    }
}
