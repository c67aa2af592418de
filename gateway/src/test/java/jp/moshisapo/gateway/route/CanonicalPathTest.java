package jp.moshisapo.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/c/ABCD-EFGH-J,              /c/ABCD-EFGH-J",
            "/api/../admin/cases,         /admin/cases",
            "/%2e%2e/admin/cases,         /admin/cases",
            "//admin//cases,              /admin/cases",
            "/api/faci%6Cities,           /api/facilities",
            "/c/./ABCD,                   /c/ABCD",
            "/../../etc/passwd,           /etc/passwd"})
    void resolvesTheSpellingsThatMeanTheSamePath(String raw, String canonical) {
        assertEquals(Optional.of(canonical), CanonicalPath.of(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/facilities;jsessionid=1", "/api%2Ffacilities", "/api%2ffacilities",
            "/c/a%5Cb", "/c/a\\b", "/c/a%00", "relative", "", "/c/%zz"})
    void refusesWhatAServiceCouldReadDifferently(String raw) {
        assertEquals(Optional.empty(), CanonicalPath.of(raw));
    }
}
