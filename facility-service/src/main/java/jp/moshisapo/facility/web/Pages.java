package jp.moshisapo.facility.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jp.moshisapo.problem.Language;

/** Renders the server-side pages with the headers every page gets. */
@ApplicationScoped
public class Pages {

    public static final String HTML = "text/html; charset=UTF-8";

    /**
     * Scripts and styles only from our own files (no inline code), so an injected tag cannot run; the same
     * policy the gateway sets, repeated here so the pages are tested under it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Pages that come to show a management token: the form turns into the completion page with the new link, and
     * the management page holds the token in its address. A browser must not keep them (not even for the back
     * button), or the next person at a shared computer could read the token.
     */
    private static final Set<String> SHOWING_TOKEN = Set.of("form", "manage");

    private final Engine qute;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Pages(Engine qute) {
        this.qute = qute;
    }

    /** The tag that loads one of our own scripts from {@code /assets/} (never inline code). */
    public static String script(String file) {
        return "<script type=\"module\" src=\"/assets/" + file + "\"></script>";
    }

    /** A page that depends only on the language (rendered once per language). */
    public Response cached(String name, Language language, Map<String, ?> values) {
        String html = cache.computeIfAbsent(name + "/" + language.code(), key -> render(name, language, values));
        Response.ResponseBuilder response = Response.ok(html, HTML);
        return SHOWING_TOKEN.contains(name) ? secured(NoStore.apply(response)).build() : ok(response);
    }

    public Response render(String name, Language language, Map<String, ?> values, Response.Status status) {
        return ok(Response.status(status).entity(render(name, language, values)).type(HTML));
    }

    private String render(String name, Language language, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(common(language));
        all.put("scripts", "");
        all.putAll(values);
        TemplateInstance page = instance(name, language);
        all.forEach(page::data);
        return page.render();
    }

    /**
     * {@code templates/web/<name>.html} with its texts ({@code {t:…}}) in {@code language}; Qute escapes every value
     * unless the template asks for {@code .raw}.
     */
    private TemplateInstance instance(String name, Language language) {
        return qute.getTemplate("web/" + name).instance().setLocale(language.locale());
    }

    private static Map<String, String> common(Language language) {
        boolean english = language == Language.EN;
        return Map.of(
                "lang", language.code(),
                "langQuery", english ? "?lang=en" : "",
                "langSwitchQuery", english ? "?lang=ja" : "?lang=en",
                "langSwitchLabel", english ? "日本語" : "English");
    }

    private static Response ok(Response.ResponseBuilder response) {
        return secured(response).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
