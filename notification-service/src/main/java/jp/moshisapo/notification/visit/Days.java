package jp.moshisapo.notification.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Local calendar days of the store's zone: a partition per day, named {@code visit_pYYYYMMDD}. */
public record Days(ZoneId zone) {

    static final String PARTITION_PREFIX = "visit_p";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    public String partitionName(LocalDate day) {
        return PARTITION_PREFIX + day.format(SUFFIX);
    }

    /** The day of a partition this service created, or null for any other table name. */
    public LocalDate dayOfPartition(String tableName) {
        if (!tableName.startsWith(PARTITION_PREFIX) || tableName.length() != PARTITION_PREFIX.length() + 8) {
            return null;
        }
        try {
            return LocalDate.parse(tableName.substring(PARTITION_PREFIX.length()), SUFFIX);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
