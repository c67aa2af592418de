package jp.moshisapo.facility.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Looks straight into the service's tables, to prove what was (not) stored. */
public final class Database {

    private Database() {
    }

    public static long count(AgroalDataSource db, String table) {
        return strings(db, "SELECT count(*) FROM facility." + table).stream().mapToLong(Long::parseLong).sum();
    }

    /** The first column of every row, as text. */
    public static List<String> strings(AgroalDataSource db, String sql, Object... params) {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(AgroalDataSource db, String sql) {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
