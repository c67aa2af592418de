package jp.moshisapo.problem;

import java.util.List;
import java.util.Locale;

/** The two languages of the pages and the APIs' messages: Japanese by default, English on request. */
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
     * language of the residents, venues and staff the system is for.
     */
    public static Language resolve(String langParameter, String acceptLanguage) {
        if (langParameter != null && !langParameter.isBlank()) {
            return "en".equalsIgnoreCase(langParameter.strip()) ? EN : JA;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return JA;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-", 2)[0];
                if (range.getWeight() > 0 && (language.equals("ja") || language.equals("en"))) {
                    return language.equals("en") ? EN : JA;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return JA; // a broken header is no reason to refuse, nor to answer in a language nobody asked for
        }
        return JA;
    }

    /** All languages, for building one text catalogue each. */
    public static List<Language> all() {
        return List.of(values());
    }
}
