package jp.moshisapo.facility.web;

import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts of one language ({@code i18n/texts_<lang>.properties}), with the prefecture's names
 * filled in for {@code {prefecture}}, {@code {service}}, {@code {account}} and {@code {issuer}}.
 */
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
