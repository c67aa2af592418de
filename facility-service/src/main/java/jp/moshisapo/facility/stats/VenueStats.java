package jp.moshisapo.facility.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.moshisapo.facility.jdbc.Jdbc;
import jp.moshisapo.facility.text.VenueTexts;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.protocol.stats.Statistics;
import jp.moshisapo.protocol.stats.StatsTable;

/**
 * Registered venues by business type and by municipality, and registrations per day over the last
 * {@link #REGISTRATION_DAYS} days. Venues are not residents: no count is suppressed.
 */
@ApplicationScoped
public class VenueStats {

    /** A quarter of a year: the start of a campaign and its tail on one chart. */
    static final int REGISTRATION_DAYS = 90;
    static final String UNKNOWN_MUNICIPALITY = "不明";
    private static final ZoneId IWATE = ZoneId.of("Asia/Tokyo");

    private final Jdbc jdbc;

    VenueStats(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Business types are named as the form names them, in {@code texts}' language. */
    public Statistics venues(VenueTexts texts) {
        return new Statistics(0, List.of(byBusinessType(texts), byMunicipality(), registrationsPerDay()));
    }

    private StatsTable byBusinessType(VenueTexts texts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Arrays.stream(BusinessType.values()).forEach(type -> counts.put(type.name(), 0L));
        jdbc.list("SELECT business_type, count(*) FROM facility.facilities GROUP BY 1",
                row -> counts.put(row.getString(1), row.getLong(2)));
        Map<String, Long> labelled = new LinkedHashMap<>();
        counts.forEach((type, count) -> labelled.put(texts.businessType(BusinessType.valueOf(type)), count));
        return table("venuesByBusinessType", List.of("businessType", "venues"), labelled);
    }

    private StatsTable byMunicipality() {
        // The municipality is the column venue search reads from the address (migration V7); an address naming
        // none counts as 不明.
        Map<String, Long> largestFirst = new LinkedHashMap<>();
        jdbc.list("SELECT coalesce(municipality, '" + UNKNOWN_MUNICIPALITY + "'), count(*) FROM facility.facilities "
                + "GROUP BY 1 ORDER BY 2 DESC, 1", row -> largestFirst.put(row.getString(1), row.getLong(2)));
        return table("venuesByMunicipality", List.of("municipality", "venues"), largestFirst);
    }

    private StatsTable registrationsPerDay() {
        LocalDate today = LocalDate.now(IWATE);
        LocalDate from = today.minusDays(REGISTRATION_DAYS - 1);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            counts.put(day.toString(), 0L);
        }
        jdbc.list("SELECT (created_at AT TIME ZONE 'Asia/Tokyo')::date, count(*) FROM facility.facilities "
                + "WHERE created_at >= ? GROUP BY 1", row -> counts.put(row.getObject(1, LocalDate.class).toString(),
                        row.getLong(2)), from.atStartOfDay(IWATE).toOffsetDateTime());
        return table("registrationsPerDay", List.of("day", "registrations"), counts);
    }

    private static StatsTable table(String id, List<String> columns, Map<String, Long> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(List.of(key, count)));
        return new StatsTable(id, columns, rows);
    }
}
