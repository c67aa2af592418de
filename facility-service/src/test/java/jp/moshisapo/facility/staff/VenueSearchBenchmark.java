package jp.moshisapo.facility.staff;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import jp.moshisapo.servers.PostgresServer;
import org.flywaydb.core.Flyway;

/**
 * Venue search benchmark (a command, not a test): seeds 100,000 venues with 1–3 codes each into a PostgreSQL of its
 * own, migrated by the service's own Flyway scripts, then times a mix of the searches staff make — a part of a name,
 * a phone number as written, a postal code, part of a printed code, a part of an address, a municipality with a
 * business type — each running exactly the service's statements ({@link VenueSearchRepository#select} and its codes
 * query) over JDBC, one after another on one connection. Run:
 *
 * <pre>
 * ./mvnw -B -pl facility-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.moshisapo.facility.staff.VenueSearchBenchmark [-Dexec.args="100000 3000"]
 * </pre>
 *
 * Arguments: venues (default 100,000), timed searches (default 3,000, after 300 to warm up).
 */
public final class VenueSearchBenchmark {

    private static final String DATABASE = "facility_bench";
    private static final String[] KINDS = {"name", "phone", "postal code", "code fragment", "address",
        "municipality + type"};

    private VenueSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int venues = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        try (PostgresServer postgres = PostgresServer.start()) {
            postgres.createDatabase(DATABASE);
            String url = postgres.jdbcUrl(DATABASE);
            Flyway.configure().dataSource(url, PostgresServer.USER, PostgresServer.PASSWORD).schemas("facility")
                    .createSchemas(true).placeholders(Map.of("runtime_role", PostgresServer.USER)).load().migrate();
            try (Connection db = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
                long t = System.nanoTime();
                seed(db, venues);
                System.out.printf("seeded %,d venues in %.1f s%n", venues, (System.nanoTime() - t) / 1e9);
                run(db, venues, searches);
            }
        }
    }

    /** Venues with Iwate addresses, names from common words (so a word matches many), distinct phones and codes. */
    private static void seed(Connection db, int venues) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO facility.facilities (id, business_type, scale, name, postal_code, address1, address2,
                        phone, email, receive_notices, terms_accepted_at, management_token_hash, created_at)
                    SELECT gen_random_uuid(),
                        (ARRAY['FOOD_SERVICE','FOOD_SERVICE','FOOD_SERVICE','THEATER','ASSEMBLY_EXHIBITION','MUSEUM',
                               'SPORTS_AMUSEMENT','NIGHTLIFE','COMMERCIAL','INDOOR_EVENT','OUTDOOR_EVENT','OTHER'])
                               [1 + i % 12],
                        'UP_TO_50',
                        (ARRAY['もりおか','いわて','きたかみ','はなまき','さくら','ひまわり','みちのく','銀河','南部','平泉',
                               '中津川','岩手山','はやちね','遠野','かっぱ','わんこ','しずくいし','カフェ','居酒屋',
                               'レストラン','ホテル','スナック','ｽﾅｯｸ','Cafe','BAR','やまびこ','三陸','北上川','ふるさと',
                               'あおば','ミナト','大通り'])[1 + (i * 7) % 32]
                        || (ARRAY['食堂','亭','酒場','会館','ホール','ショップ','書店','劇場','体育館','美術館','珈琲店',
                                  'バル','商店','市場','旅館','寿司','そば処','焼肉','ラーメン','公民館'])[1 + (i * 13) % 20]
                        || ' ' || (ARRAY['本店','駅前店','2号店','中央店','','','',''])[1 + i % 8] || (i % 997)::text,
                        lpad((200000 + (i * 37) % 799999)::text, 7, '0'),
                        '岩手県' || (ARRAY['盛岡市','宮古市','大船渡市','花巻市','北上市','久慈市','遠野市','一関市',
                               '陸前高田市','釜石市','二戸市','八幡平市','奥州市','滝沢市','岩手郡雫石町','岩手郡葛巻町',
                               '岩手郡岩手町','紫波郡紫波町','紫波郡矢巾町','和賀郡西和賀町','胆沢郡金ケ崎町',
                               '西磐井郡平泉町','気仙郡住田町','上閉伊郡大槌町','下閉伊郡山田町','下閉伊郡岩泉町',
                               '下閉伊郡田野畑村','下閉伊郡普代村','九戸郡軽米町','九戸郡野田村','九戸郡九戸村',
                               '九戸郡洋野町','二戸郡一戸町','盛岡市','盛岡市','盛岡市','一関市','奥州市'])[1 + i % 38]
                        || (ARRAY['内丸','大通','中央通','本町','駅前','新町','上町','栄町','末広町','緑町'])[1 + (i / 38) % 10],
                        (1 + i % 30)::text || '-' || (1 + i % 17)::text,
                        '0' || (190000000 + i * 7)::text,
                        'venue' || i || '@example.jp', false, now(), sha256(i::text::bytea), now()
                    FROM generate_series(1, VENUES) AS i""".replace("VENUES", Integer.toString(venues)));
            sql.execute("""
                    INSERT INTO facility.codes (code, facility_id, room, position, status, issued_at, revoked_at)
                    SELECT (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ',
                                1 + floor(random() * 32)::int, 1), '') FROM generate_series(1, 9 + 0 * n)),
                           f.id, 'テーブル ' || n, n, CASE WHEN n = 3 THEN 'REVOKED' ELSE 'ACTIVE' END, now(),
                           CASE WHEN n = 3 THEN now() END
                    FROM facility.facilities f, generate_series(1, 1 + abs(hashtext(f.id::text)) % 3) AS n
                    ON CONFLICT DO NOTHING""");
            sql.execute("ANALYZE facility.facilities");
            sql.execute("ANALYZE facility.codes");
        }
    }

    private static void run(Connection db, int venues, int searches) throws SQLException {
        List<String[]> samples = samples(db);
        Random random = new Random(17);
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        for (String kind : KINDS) {
            byKind.put(kind, new ArrayList<>());
        }
        long[] all = new long[searches];
        long results = 0;
        Map<String, VenueQuery> slowest = new LinkedHashMap<>();
        Map<String, Long> slowestTook = new LinkedHashMap<>();
        for (int i = -300; i < searches; i++) {
            int kind = Math.floorMod(i, KINDS.length);
            VenueQuery query = query(kind, samples.get(random.nextInt(samples.size())), random);
            long t0 = System.nanoTime();
            int found = search(db, query);
            long took = System.nanoTime() - t0;
            if (i >= 0) {
                all[i] = took;
                byKind.get(KINDS[kind]).add(took);
                results += found;
                if (took > slowestTook.getOrDefault(KINDS[kind], 0L)) {
                    slowestTook.put(KINDS[kind], took);
                    slowest.put(KINDS[kind], query);
                }
            }
        }
        double load = load();
        System.out.printf("%,d searches over %,d venues, %.1f venues a page on average; load average %.1f (2 cores)%n",
                searches, venues, results / (double) searches, load);
        byKind.forEach((kind, times) -> System.out.printf("  %-20s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", kind,
                percentile(times.stream().mapToLong(Long::longValue).toArray(), 50),
                percentile(times.stream().mapToLong(Long::longValue).toArray(), 99),
                percentile(times.stream().mapToLong(Long::longValue).toArray(), 100)));
        if (Boolean.getBoolean("bench.explain")) {
            for (Map.Entry<String, VenueQuery> entry : slowest.entrySet()) {
                System.out.printf("plan of the slowest %s search (%s, %.1f ms):%n", entry.getKey(),
                        entry.getValue().text(), slowestTook.get(entry.getKey()) / 1e6);
                explain(db, entry.getValue());
            }
        }
        System.out.printf("RESULT | venue search over %,d venues, p50 | %.1f ms | — %n", venues, percentile(all, 50));
        System.out.printf("RESULT | venue search over %,d venues, p99 | %.1f ms | ≤ 100 ms%n", venues,
                percentile(all, 99));
    }

    /** Name, phone, postal code, one code, address, municipality and business type of 2,000 random venues. */
    private static List<String[]> samples(Connection db) throws SQLException {
        List<String[]> samples = new ArrayList<>();
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("""
                        SELECT f.name, f.phone, f.postal_code, min(c.code), f.address1, f.municipality, f.business_type
                        FROM facility.facilities f JOIN facility.codes c ON c.facility_id = f.id
                        GROUP BY f.id ORDER BY random() LIMIT 2000""")) {
            while (rows.next()) {
                String[] sample = new String[7];
                for (int i = 0; i < 7; i++) {
                    sample[i] = rows.getString(i + 1);
                }
                samples.add(sample);
            }
        }
        return samples;
    }

    /** A search as staff would type it, from one venue's data. */
    private static VenueQuery query(int kind, String[] venue, Random random) {
        return switch (kind) {
            case 0 -> { // a part of the name, in katakana where the venue wrote hiragana, full width
                String name = venue[0].replace(" ", "");
                int start = random.nextInt(Math.max(1, name.length() - 3));
                String part = name.substring(start, Math.min(name.length(), start + 2 + random.nextInt(3)));
                yield parse(toKatakana(part), null, null);
            }
            case 1 -> parse(venue[1].substring(0, 3) + "-" + venue[1].substring(3, 6) + "-" + venue[1].substring(6),
                    null, null);
            case 2 -> parse("〒" + venue[2].substring(0, 3) + "-" + venue[2].substring(3), null, null);
            case 3 -> parse(venue[3].substring(2, 7).toLowerCase(), null, null);
            case 4 -> parse(venue[4].substring(3), null, null);
            default -> parse(null, venue[6], venue[5]);
        };
    }

    private static VenueQuery parse(String q, String businessType, String municipality) {
        return VenueQuery.parse(q, businessType, municipality, null, null);
    }

    private static String toKatakana(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append((char) (c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c)));
        return out.toString();
    }

    /** The service's two statements for one page; returns the venues on it. */
    private static int search(Connection db, VenueQuery query) throws SQLException {
        VenueSearchRepository.Select select = VenueSearchRepository.select(query);
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(select.sql())) {
            for (int i = 0; i < select.params().size(); i++) {
                statement.setObject(i + 1, select.params().get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject("id", UUID.class));
                }
            }
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement codes = db.prepareStatement(VenueSearchRepository.CODES)) {
                codes.setString(1, "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}");
                try (ResultSet rows = codes.executeQuery()) {
                    while (rows.next()) {
                        rows.getString("code");
                    }
                }
            }
        }
        return ids.size();
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the page's statement, as the service would run it. */
    private static void explain(Connection db, VenueQuery query) throws SQLException {
        VenueSearchRepository.Select select = VenueSearchRepository.select(query);
        try (PreparedStatement statement = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + select.sql())) {
            for (int i = 0; i < select.params().size(); i++) {
                statement.setObject(i + 1, select.params().get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    System.out.println("    " + rows.getString(1));
                }
            }
        }
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))] / 1e6;
    }

    private static double load() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0]);
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }
}
