package jp.moshisapo.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void japaneseUnlessEnglishIsAskedFor() {
        assertEquals(Language.JA, Language.resolve(null, null));
        assertEquals(Language.EN, Language.resolve("en", null));
        assertEquals(Language.JA, Language.resolve("fr", "en"));
        assertEquals(Language.EN, Language.resolve(null, "en-US,en;q=0.9"));
        assertEquals(Language.JA, Language.resolve(null, "ja,en;q=0.8"));
        assertEquals(Language.EN, Language.resolve(null, "fr-FR, en;q=0.5"));
        assertEquals(Language.JA, Language.resolve(null, "fr-FR"));
        assertEquals(Language.JA, Language.resolve(null, ";;;q=broken"));
    }
}
