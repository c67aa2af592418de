package jp.moshisapo.facility.text;

import io.quarkus.qute.TemplateData;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jp.moshisapo.problem.Language;

/**
 * The user-facing texts of one language ({@code i18n/texts_<lang>.properties}), with the prefecture's names
 * filled in for {@code {prefecture}}, {@code {service}}, {@code {account}} and {@code {issuer}}.
 */
@TemplateData
public final class Texts {

    private final Language language;
    private final ResourceBundle bundle;
    private final Map<String, String> names;

    Texts(Language language, Map<String, String> names) {
        this.language = language;
        // No fallback: a JVM whose default locale is English must still get Japanese for JA.
        this.bundle = ResourceBundle.getBundle("i18n.texts", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.names = names;
    }

    /** The texts without the prefecture's names, for messages that name none (problems, field errors). */
    public static Texts unnamed(Language language) {
        return new Texts(language, Map.of());
    }

    /** The text for {@code key} in both languages. */
    public static jp.moshisapo.problem.Text bilingual(String key, Object... args) {
        return jp.moshisapo.problem.Text.of(UNNAMED_JA.get(key, args), UNNAMED_EN.get(key, args));
    }

    private static final Texts UNNAMED_JA = unnamed(Language.JA);
    private static final Texts UNNAMED_EN = unnamed(Language.EN);

    public Language language() {
        return language;
    }

    /** The text for {@code key}, with {@code {0}}, {@code {1}}… replaced by {@code args}. */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text '" + key + "' for " + language, e);
        }
        for (Map.Entry<String, String> name : names.entrySet()) {
            text = text.replace("{" + name.getKey() + "}", name.getValue());
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
