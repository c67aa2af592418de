package jp.moshisapo.problem;

import java.util.Objects;

/**
 * A sentence for people in both languages of the house: Japanese, the default for residents, venues and the
 * prefecture's staff, and English for a caller that asks for it ({@code ?lang=en} or {@code Accept-Language: en}).
 */
public record Text(String ja, String en) {

    public Text {
        Objects.requireNonNull(ja, "ja");
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String ja, String en) {
        return new Text(ja, en);
    }

    /** The same words in both languages: a name, a code, or a text only operators read. */
    public static Text same(String both) {
        return new Text(both, both);
    }

    public String in(Language language) {
        return language == Language.EN ? en : ja;
    }
}
