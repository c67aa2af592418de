package jp.moshisapo.facility.text;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import jp.moshisapo.facility.config.FacilityConfig;
import jp.moshisapo.problem.Language;

/** One {@link Texts} per language, with the configured prefecture's names. */
@ApplicationScoped
public class TextCatalog {

    private final Map<Language, Texts> texts = new EnumMap<>(Language.class);

    TextCatalog(FacilityConfig config) {
        Map<String, String> names = names(config.prefecture());
        for (Language language : Language.all()) {
            texts.put(language, new Texts(language, names));
        }
    }

    public Texts of(Language language) {
        return texts.get(language);
    }

    /** The placeholders every text may use. */
    public static Map<String, String> names(FacilityConfig.Prefecture prefecture) {
        return Map.of(
                "prefecture", prefecture.name(),
                "service", prefecture.serviceName(),
                "account", prefecture.lineAccountName(),
                "issuer", prefecture.issuer(),
                "contactOffice", prefecture.contactOffice(),
                "contactPhone", prefecture.contactPhone(),
                "contactHours", prefecture.contactHours());
    }
}
