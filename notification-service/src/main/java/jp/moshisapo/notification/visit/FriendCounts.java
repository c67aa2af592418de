package jp.moshisapo.notification.visit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Friends added and blocked per local day (friend_day_count), counted in the transaction that applies the resident
 * event. Counts only: which resident followed or blocked is not kept here.
 */
final class FriendCounts {

    private FriendCounts() {
    }

    static void followed(Connection c, LocalDate day) throws SQLException {
        add(c, day, "followed");
    }

    static void blocked(Connection c, LocalDate day) throws SQLException {
        add(c, day, "blocked");
    }

    static int forgetBefore(Connection c, LocalDate firstKeptDay) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM friend_day_count WHERE day < ?")) {
            s.setObject(1, firstKeptDay);
            return s.executeUpdate();
        }
    }

    private static void add(Connection c, LocalDate day, String column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO friend_day_count (day, " + column + ") "
                + "VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET " + column + " = friend_day_count." + column + " + 1")) {
            s.setObject(1, day);
            s.executeUpdate();
        }
    }
}
