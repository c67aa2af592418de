package jp.moshisapo.protocol.stats;

import java.util.List;

/**
 * One table of the staff statistics ({@code GET /admin/stats/...}), as the console charts it and offers it as CSV:
 * the first column is the category (a day, an hour, a business type), the others are counts. Counts only, never
 * an id; a null count is a cell suppressed because it was too small to publish (see {@link Statistics}).
 */
public record StatsTable(String id, List<String> columns, List<List<Object>> rows) {

    public StatsTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
