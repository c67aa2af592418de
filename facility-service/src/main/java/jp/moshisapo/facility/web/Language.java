package jp.moshisapo.facility.web;

import java.util.List;
import java.util.Locale;

/** The two languages of the venue pages and the API's messages: Japanese by default, English on request. */
public enum Language {
    JA("ja"), EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /**
     * {@code ?lang=en} wins; otherwise the first of ja/en in {@code Accept-Language}; otherwise Japanese, the
     * language of the venues this service is for.
     */
    public static Language resolve(String langParameter, String acceptLanguage) {
        if (langParameter != null && !langParameter.isBlank()) {
            return "en".equalsIgnoreCase(langParameter.trim()) ? EN : JA;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String language = range.getRange().split("-", 2)[0];
                    if (range.getWeight() > 0 && (language.equals("ja") || language.equals("en"))) {
                        return language.equals("en") ? EN : JA;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return JA; // a broken header is no reason to refuse the page
            }
        }
        return JA;
    }

    /** All languages, for building one text catalogue each. */
    public static List<Language> all() {
        return List.of(values());
    }
}
