package jp.moshisapo.notification.problem;

import java.util.Locale;

/** The language of the API's messages: Japanese unless the caller asks for English. */
public enum Language {
    JA, EN;

    /** {@code ?lang=en} wins; otherwise the first of ja/en in {@code Accept-Language}; otherwise Japanese. */
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
            return JA; // a broken header is no reason to answer in a language nobody asked for
        }
        return JA;
    }
}
