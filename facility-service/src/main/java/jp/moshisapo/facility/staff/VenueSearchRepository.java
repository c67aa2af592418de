package jp.moshisapo.facility.staff;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.facility.jdbc.Jdbc;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.facility.venue.PostalCode;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;

/**
 * Finds venues for a {@link VenueQuery} in the search columns of migration V7. The text is put in search form by the
 * same database function that filled the columns, so what staff type and what is stored are normalised alike.
 * Each branch (text, digits, code fragment) first narrows by the GIN index of character pairs, then checks the exact
 * substring; the branches are joined with UNION, so each keeps its own index.
 */
@ApplicationScoped
public class VenueSearchRepository {

    /** What each branch collects of a matching venue: enough to filter and order without reading it again. */
    private static final String HIT = "SELECT f.id, f.name, f.business_type, f.municipality";
    private static final String TEXT_BRANCH = HIT + """
             FROM facility.facilities f
            WHERE f.search_grams @> facility.bigrams(facility.search_form(?))
              AND strpos(f.search_text, facility.search_form(?)) > 0""";
    private static final String DIGITS_BRANCH = HIT + """
             FROM facility.facilities f
            WHERE f.search_grams @> facility.bigrams(?) AND strpos(f.search_text, ?) > 0""";
    private static final String CODE_BRANCH = HIT + """
             FROM facility.codes c JOIN facility.facilities f ON f.id = c.facility_id
            WHERE c.code_grams @> facility.bigrams(?) AND strpos(c.code::text, ?) > 0""";
    private static final String COLUMNS = "f.id, f.name, f.business_type, f.municipality, f.postal_code, f.address1, "
            + "f.address2, f.phone, f.email";

    /** The codes of a page's venues, one statement for the page; the parameter is a uuid[] literal. */
    public static final String CODES = """
            SELECT facility_id, code, room, status, issued_at, revoked_at FROM facility.codes
            WHERE facility_id = ANY (?::uuid[]) ORDER BY facility_id, position""";

    private final Jdbc jdbc;

    VenueSearchRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The page's SQL and its parameters; public for the benchmark, which runs exactly what the service runs. */
    public record Select(String sql, List<Object> params) {
    }

    /**
     * The SELECT for one page of {@code query}: one venue more than the page, to know whether more follow.
     * <p>
     * A text search first collects every matching venue through the GIN indexes (the {@code hits} CTE, MATERIALIZED
     * so the planner cannot swap it for a walk of the name index), then sorts those hits by name. Left to itself,
     * the planner estimates that a 3-character fragment such as 「店290」 matches hundreds of venues and walks
     * {@code facilities_name} in order, testing every venue, to stop after one page; when only a few venues match,
     * that walk reads most of the 100,000 (0.9 s measured, docs/performance.md). Collecting through the index costs
     * what the matches cost: a fragment of a common word that matches thousands is read and sorted in tens of
     * milliseconds, provided the hits carry what the filters and the order need: joining 12,500 hits back to the
     * table made the planner hash all 100,000 venues (150 ms), so the branches keep id, name, type and municipality
     * and only the page's venues are read again. A search by filters alone walks the filter's (…, name, id) index
     * and stops after the page.
     */
    public static Select select(VenueQuery query) {
        List<Object> params = new ArrayList<>();
        if (query.text() == null) {
            String sql = "SELECT " + COLUMNS + " FROM facility.facilities f WHERE true" + filters(query, "f", params)
                    + " ORDER BY f.name, f.id LIMIT ? OFFSET ?";
            return new Select(sql, page(query, params));
        }
        List<String> branches = new ArrayList<>();
        branches.add(TEXT_BRANCH);
        params.add(query.text());
        params.add(query.text());
        if (query.digits() != null) {
            branches.add(DIGITS_BRANCH);
            params.add(query.digits());
            params.add(query.digits());
        }
        if (query.codeFragment() != null) {
            branches.add(CODE_BRANCH);
            params.add(query.codeFragment());
            params.add(query.codeFragment());
        }
        String sql = "WITH hits AS MATERIALIZED (" + String.join(" UNION ", branches) + "), "
                + "page AS (SELECT hits.id, hits.name FROM hits WHERE true" + filters(query, "hits", params)
                + " ORDER BY hits.name, hits.id LIMIT ? OFFSET ?) "
                + "SELECT " + COLUMNS + " FROM page JOIN facility.facilities f ON f.id = page.id "
                + "ORDER BY page.name, page.id";
        return new Select(sql, page(query, params));
    }

    private static String filters(VenueQuery query, String table, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (query.businessType() != null) {
            sql.append(" AND ").append(table).append(".business_type = ?");
            params.add(query.businessType().name());
        }
        if (query.municipality() != null) {
            sql.append(" AND ").append(table).append(".municipality = ?");
            params.add(query.municipality());
        }
        return sql.toString();
    }

    private static List<Object> page(VenueQuery query, List<Object> params) {
        params.add(query.size() + 1);
        params.add((query.page() - 1) * query.size());
        return params;
    }

    /** One page of venues with their codes. */
    public VenueHit.Page find(VenueQuery query) {
        Select select = select(query);
        List<VenueHit> venues = jdbc.list(select.sql(), row -> new VenueHit(row.getObject("id", UUID.class),
                row.getString("name"), BusinessType.valueOf(row.getString("business_type")),
                row.getString("municipality"), new PostalCode(row.getString("postal_code")).display(),
                (row.getString("address1") + " " + row.getString("address2")).strip(), row.getString("phone"),
                row.getString("email"), List.of()), select.params().toArray());
        boolean hasMore = venues.size() > query.size();
        List<VenueHit> page = hasMore ? venues.subList(0, query.size()) : venues;
        return new VenueHit.Page(query.page(), query.size(), hasMore, withCodes(page));
    }

    private List<VenueHit> withCodes(List<VenueHit> venues) {
        if (venues.isEmpty()) {
            return venues;
        }
        Map<UUID, List<VenueHit.Code>> codes = new LinkedHashMap<>();
        venues.forEach(venue -> codes.put(venue.id(), new ArrayList<>()));
        jdbc.list(CODES, row -> {
            codes.get(row.getObject("facility_id", UUID.class)).add(new VenueHit.Code(
                    PrintedCode.parse(row.getString("code")).display(), row.getString("room"),
                    CodeState.Status.valueOf(row.getString("status")), Jdbc.instant(row, "issued_at"),
                    Jdbc.instant(row, "revoked_at")));
            return null;
        }, "{" + String.join(",", venues.stream().map(venue -> venue.id().toString()).toList()) + "}");
        return venues.stream().map(venue -> new VenueHit(venue.id(), venue.name(), venue.businessType(),
                venue.municipality(), venue.postalCode(), venue.address(), venue.phone(), venue.email(),
                List.copyOf(codes.get(venue.id())))).toList();
    }
}
