package jp.moshisapo.notification.problem;

/**
 * A sentence for people in the API's two languages: Japanese, the default for the prefecture's staff, and English
 * for a caller that asks for it ({@code Accept-Language: en} or {@code ?lang=en}).
 */
public record Text(String ja, String en) {

    public static Text of(String ja, String en) {
        return new Text(ja, en);
    }

    public String in(Language language) {
        return language == Language.EN ? en : ja;
    }
}
