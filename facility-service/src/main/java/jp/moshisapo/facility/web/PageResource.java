package jp.moshisapo.facility.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.facility.venue.ScaleBand;
import jp.moshisapo.problem.Language;

/**
 * The venue pages: the registration form at {@code /}, the terms at {@code /terms} and the management page at
 * {@code /manage}. Japanese by default, English with {@code ?lang=en}.
 */
@Path("/")
@PermitAll
@Produces(Pages.HTML)
public class PageResource {

    private final Pages pages;

    PageResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public Response form(@QueryParam("lang") String lang) {
        Language language = Language.resolve(lang, null);
        Texts texts = pages.texts(language);
        return pages.cached("form", language, Map.of(
                "scripts", Pages.script("form.js") + Pages.script("recover.js"),
                "businessTypeOptions", options(Stream.of(BusinessType.values())
                        .map(type -> option(type.name(), texts.get(type.labelKey()),
                                texts.has(type.examplesKey()) ? texts.get(type.examplesKey()) : "")),
                        texts),
                "scaleOptions", options(Stream.of(ScaleBand.values())
                        .map(band -> option(band.name(), texts.get(band.labelKey()), "")), texts),
                "examplesList", Stream.of(BusinessType.values()).filter(type -> texts.has(type.examplesKey()))
                        .map(type -> "<dt>" + Html.escape(texts.get(type.labelKey())) + "</dt><dd>"
                                + Html.escape(texts.get(type.examplesKey())) + "</dd>")
                        .collect(Collectors.joining("\n"))));
    }

    @GET
    @Path("terms")
    public Response terms(@QueryParam("lang") String lang) {
        return pages.cached("terms", Language.resolve(lang, null), Map.of());
    }

    @GET
    @Path("manage")
    public Response manage(@QueryParam("lang") String lang) {
        return pages.cached("manage", Language.resolve(lang, null), Map.of(
                "scripts", Pages.script("manage.js") + Pages.script("recover.js")));
    }

    private static String options(Stream<String> options, Texts texts) {
        return "<option value=\"\">" + Html.escape(texts.get("form.select-placeholder")) + "</option>\n"
                + options.collect(Collectors.joining("\n"));
    }

    private static String option(String value, String label, String examples) {
        return "<option value=\"" + value + "\" data-examples=\"" + Html.escape(examples) + "\">"
                + Html.escape(label) + "</option>";
    }
}
