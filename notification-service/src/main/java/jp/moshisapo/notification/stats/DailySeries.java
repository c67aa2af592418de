package jp.moshisapo.notification.stats;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts keyed by a category (a day, an hour of the day), read from a grouped query and laid out without gaps. */
final class DailySeries {

    private DailySeries() {
    }

    /** Reads {@code (key, count, count, ...)} rows: {@code columns} counts per key of {@code keyType}. */
    static <K> Map<K, long[]> read(PreparedStatement s, Class<K> keyType, int columns) throws SQLException {
        Map<K, long[]> counts = new TreeMap<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long[] values = new long[columns];
                for (int i = 0; i < columns; i++) {
                    values[i] = rs.getLong(i + 2);
                }
                counts.put(rs.getObject(1, keyType), values);
            }
        }
        return counts;
    }

    /** One row per day from {@code from} to {@code to}, zeros where nothing happened. */
    static List<List<Object>> days(LocalDate from, LocalDate to, Map<LocalDate, long[]> counts, int columns,
            Suppression suppression) {
        List<List<Object>> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            rows.add(row(day.toString(), counts.getOrDefault(day, new long[columns]), suppression));
        }
        return rows;
    }

    static List<Object> row(Object key, long[] values, Suppression suppression) {
        Object[] row = new Object[values.length + 1];
        row[0] = key;
        for (int i = 0; i < values.length; i++) {
            row[i + 1] = suppression.apply(values[i]);
        }
        return Arrays.asList(row);
    }
}
