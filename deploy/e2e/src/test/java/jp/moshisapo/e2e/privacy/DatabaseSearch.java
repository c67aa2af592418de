package jp.moshisapo.e2e.privacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Searches every table of every database of a PostgreSQL server for traces of residents. The tables come from the
 * catalog, not from a list in the test, so a table added by a later migration is searched without anyone
 * remembering to add it: every schema except PostgreSQL's own, every ordinary table including each partition
 * (a partitioned parent has no rows of its own) and materialized views, every column whose type can hold text or
 * bytes (bytea byte-wise, everything else as its text rendering: text, varchar, json, jsonb, arrays, enums...).
 */
public final class DatabaseSearch {

    /** Types that cannot hold an identifier of a person: numbers, booleans, times, UUIDs. */
    private static final Set<String> OPAQUE_TYPES = Set.of("int2", "int4", "int8", "float4", "float8", "numeric",
            "bool", "date", "time", "timetz", "timestamp", "timestamptz", "interval", "uuid", "oid", "money");

    /** What a search covered, so a drill can tell an empty result from a search that saw nothing. */
    public record Result(List<Finding> findings, List<String> databases, int tables, int columns) {
    }

    private final Function<String, String> jdbcUrl;
    private final String user;
    private final String password;

    /** @param jdbcUrl the JDBC URL of a database by name; {@code user} must be able to read every table */
    public DatabaseSearch(Function<String, String> jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public Result search(List<Trace> traces) {
        List<Finding> findings = new ArrayList<>();
        List<String> databases = databases();
        int tables = 0;
        int columns = 0;
        for (String database : databases) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl.apply(database), user, password)) {
                Map<String, List<Column>> byTable = columns(connection);
                tables += byTable.size();
                for (Map.Entry<String, List<Column>> table : byTable.entrySet()) {
                    columns += table.getValue().size();
                    findings.addAll(search(connection, database, table.getKey(), table.getValue(), traces));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot search database " + database, e);
            }
        }
        return new Result(findings, databases, tables, columns);
    }

    private List<String> databases() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl.apply("postgres"), user, password);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database WHERE datallowconn "
                        + "AND NOT datistemplate AND datname <> 'postgres' ORDER BY datname")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the databases", e);
        }
    }

    private record Column(String name, boolean bytea) {
    }

    /** Every searchable column by {@code "schema"."table"}, for every table of every non-system schema. */
    private static Map<String, List<Column>> columns(Connection connection) throws SQLException {
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        String sql = """
                SELECT n.nspname, c.relname, a.attname, t.typname
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                JOIN pg_type t ON t.oid = a.atttypid
                WHERE c.relkind IN ('r', 'm')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
                ORDER BY n.nspname, c.relname, a.attnum""";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                String table = quote(rs.getString(1)) + "." + quote(rs.getString(2));
                List<Column> columns = byTable.computeIfAbsent(table, t -> new ArrayList<>());
                String type = rs.getString(4);
                if (!OPAQUE_TYPES.contains(type)) {
                    columns.add(new Column(rs.getString(3), type.equals("bytea")));
                }
            }
        }
        return byTable;
    }

    /** One pass over the table: a count per (column, trace) pair. */
    private static List<Finding> search(Connection connection, String database, String table, List<Column> columns,
            List<Trace> traces) throws SQLException {
        record Probe(Column column, Trace trace) {
        }
        List<Probe> probes = new ArrayList<>();
        for (Column column : columns) {
            for (Trace trace : traces) {
                if (column.bytea() || trace.text()) {
                    probes.add(new Probe(column, trace));
                }
            }
        }
        if (probes.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            sql.append(i == 0 ? "" : ", ").append("count(*) FILTER (WHERE ").append(probe.column().bytea()
                    ? "position(CAST(? AS bytea) IN " + quote(probe.column().name()) + ") > 0"
                    : "strpos(CAST(" + quote(probe.column().name()) + " AS text), ?) > 0").append(')');
        }
        // ONLY: a table with inheritance children is counted once, each child on its own.
        sql.append(" FROM ONLY ").append(table);
        List<Finding> findings = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < probes.size(); i++) {
                Probe probe = probes.get(i);
                if (probe.column().bytea()) {
                    statement.setBytes(i + 1, probe.trace().bytes());
                } else {
                    statement.setString(i + 1, new String(probe.trace().bytes(), java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                for (int i = 0; i < probes.size(); i++) {
                    long count = rs.getLong(i + 1);
                    if (count > 0) {
                        findings.add(new Finding("db " + database + "." + table.replace("\"", "") + "."
                                + probes.get(i).column().name(), probes.get(i).trace(), count));
                    }
                }
            }
        }
        return findings;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
