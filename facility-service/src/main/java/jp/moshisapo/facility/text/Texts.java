package jp.moshisapo.facility.text;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.Text;

/** The venue texts of a language, for Java code (pages reach them as {@code {t:…}}). */
public final class Texts {

    private Texts() {
    }

    public static VenueTexts of(Language language) {
        return MessageBundles.get(VenueTexts.class, Localized.Literal.of(language.code()));
    }

    /** One wording in both languages, for a problem answered once the caller's language is known. */
    public static Text bilingual(Wording wording) {
        return Text.of(wording.in(of(Language.JA)), wording.in(of(Language.EN)));
    }
}
