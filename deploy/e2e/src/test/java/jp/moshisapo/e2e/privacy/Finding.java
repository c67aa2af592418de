package jp.moshisapo.e2e.privacy;

/**
 * A trace of a resident found somewhere.
 *
 * @param place where, as {@code db <database>.<schema>.<table>.<column>} or {@code topic <name> <key|value|header
 *              name>}; allow-list entries match on it
 * @param trace what was found (its form; the value is never printed)
 * @param count how many rows or records hold it
 */
public record Finding(String place, Trace trace, long count) {

    @Override
    public String toString() {
        return place + ": " + trace.resident() + "'s " + trace.form() + " in " + count
                + (count == 1 ? " row/record" : " rows/records");
    }
}
