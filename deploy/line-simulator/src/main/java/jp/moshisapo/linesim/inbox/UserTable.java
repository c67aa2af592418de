package jp.moshisapo.linesim.inbox;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * A map from LINE ids (U/C/R + 32 hex = one letter and 128 bits) to a value, stored in flat arrays: a user costs
 * no object of its own. With a million users this keeps the heap small and, more importantly, gives the young
 * garbage collector nothing to copy per new user, which a map of String keys and nodes did at 100,000 users/s.
 * Striped locks let the server threads deliver in parallel.
 */
final class UserTable {

    private static final int STRIPES = 64;
    private static final int INITIAL_SLOTS = 1024;

    private final Stripe[] stripes = new Stripe[STRIPES];

    UserTable() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** Replaces the id's value with {@code change.apply(current)} (current is null when absent); never null. */
    Object compute(String id, UnaryOperator<Object> change) {
        Key key = Key.of(id);
        return stripe(key).compute(key, change);
    }

    Object get(String id) {
        Key key = Key.of(id);
        return stripe(key).get(key);
    }

    /** Visits every entry, one stripe at a time (a stripe is locked while it is visited). */
    void forEach(BiConsumer<String, Object> visitor) {
        for (Stripe stripe : stripes) {
            stripe.forEach(visitor);
        }
    }

    int size() {
        int size = 0;
        for (Stripe stripe : stripes) {
            size += stripe.size();
        }
        return size;
    }

    void clear() {
        for (Stripe stripe : stripes) {
            stripe.clear();
        }
    }

    private Stripe stripe(Key key) {
        return stripes[(int) (key.hash() >>> 58)];
    }

    /** An id split into its kind letter and its 128 bits. */
    private record Key(byte kind, long high, long low) {
        static Key of(String id) {
            if (id == null || id.length() != 33 || "UCR".indexOf(id.charAt(0)) < 0) {
                throw new IllegalArgumentException("not a LINE id");
            }
            try {
                return new Key((byte) id.charAt(0), HexFormat.fromHexDigitsToLong(id, 1, 17),
                        HexFormat.fromHexDigitsToLong(id, 17, 33));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a LINE id");
            }
        }

        /** A well-mixed hash (the ids may be sequential in tests). */
        long hash() {
            long h = high * 0x9E3779B97F4A7C15L ^ low * 0xC2B2AE3D27D4EB4FL ^ kind;
            return h ^ (h >>> 29) * 0x94D049BB133111EBL;
        }

        static String toId(byte kind, long high, long low) {
            return (char) kind + HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
        }
    }

    /** Open addressing with linear probing; kinds[i] == 0 marks a free slot. Entries are never removed singly. */
    private static final class Stripe {
        private byte[] kinds;
        private long[] highs;
        private long[] lows;
        private Object[] values;
        private int size;

        Stripe() {
            clear();
        }

        synchronized Object compute(Key key, UnaryOperator<Object> change) {
            int slot = find(key);
            Object updated = change.apply(kinds[slot] == 0 ? null : values[slot]);
            if (kinds[slot] == 0) {
                kinds[slot] = key.kind();
                highs[slot] = key.high();
                lows[slot] = key.low();
                size++;
            }
            values[slot] = updated;
            if (size * 10 > kinds.length * 6) {
                grow();
            }
            return updated;
        }

        synchronized Object get(Key key) {
            int slot = find(key);
            return kinds[slot] == 0 ? null : values[slot];
        }

        synchronized void forEach(BiConsumer<String, Object> visitor) {
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] != 0) {
                    visitor.accept(Key.toId(kinds[i], highs[i], lows[i]), values[i]);
                }
            }
        }

        synchronized int size() {
            return size;
        }

        synchronized void clear() {
            kinds = new byte[INITIAL_SLOTS];
            highs = new long[INITIAL_SLOTS];
            lows = new long[INITIAL_SLOTS];
            values = new Object[INITIAL_SLOTS];
            size = 0;
        }

        /** The key's slot, or the free slot where it belongs. */
        private int find(Key key) {
            int mask = kinds.length - 1;
            int slot = (int) key.hash() & mask;
            while (kinds[slot] != 0
                    && !(kinds[slot] == key.kind() && highs[slot] == key.high() && lows[slot] == key.low())) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            byte[] oldKinds = kinds;
            long[] oldHighs = highs;
            long[] oldLows = lows;
            Object[] oldValues = values;
            int capacity = oldKinds.length * 2;
            kinds = new byte[capacity];
            highs = new long[capacity];
            lows = new long[capacity];
            values = new Object[capacity];
            for (int i = 0; i < oldKinds.length; i++) {
                if (oldKinds[i] != 0) {
                    int slot = find(new Key(oldKinds[i], oldHighs[i], oldLows[i]));
                    kinds[slot] = oldKinds[i];
                    highs[slot] = oldHighs[i];
                    lows[slot] = oldLows[i];
                    values[slot] = oldValues[i];
                }
            }
            Arrays.fill(oldValues, null);
        }
    }
}
