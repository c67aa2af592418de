package jp.moshisapo.facility.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.facility.text.Texts;

/**
 * A deliberately tiny template language for the few server-rendered pages ({@code resources/web/*.html}):
 * {@code {{key}}} inserts a text or value HTML-escaped, {@code {{{key}}}} inserts it as is (only for our own
 * texts whose key ends in {@code .html}, and for fragments built by escaping code). Pages are wrapped in
 * {@code layout.html}.
 */
@ApplicationScoped
public class HtmlTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\{?)([a-zA-Z0-9_.\\-]+)\\}?\\}\\}");

    private final Map<String, String> sources = new ConcurrentHashMap<>();

    /** Renders {@code web/<name>.html} inside the layout; {@code values} win over texts. */
    public String page(String name, Texts texts, Map<String, String> values) {
        String body = render(source(name), texts, values);
        Map<String, String> layoutValues = new java.util.HashMap<>(values);
        layoutValues.put("body", body);
        return render(source("layout"), texts, layoutValues);
    }

    /** Renders {@code web/<name>.html} without the layout: a part several pages share. */
    public String fragment(String name, Texts texts, Map<String, String> values) {
        return render(source(name), texts, values);
    }

    private String render(String template, Texts texts, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 1024);
        while (matcher.find()) {
            boolean raw = !matcher.group(1).isEmpty();
            String key = matcher.group(2);
            String value = values.containsKey(key) ? values.get(key) : texts.get(key);
            if (raw && !values.containsKey(key) && !key.endsWith(".html")) {
                throw new IllegalStateException("raw insertion of a plain text: " + key);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(raw ? value : escape(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String source(String name) {
        return sources.computeIfAbsent(name, HtmlTemplates::read);
    }

    private static String read(String name) {
        String path = "/web/" + name + ".html";
        try (InputStream in = HtmlTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("template " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
