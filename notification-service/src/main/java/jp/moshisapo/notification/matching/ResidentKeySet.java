package jp.moshisapo.notification.matching;

import java.nio.ByteBuffer;

/**
 * A set of resident keys small enough for a million recipients (16 bytes a key, open addressing): it keeps the
 * first 128 bits of each HMAC, where a collision among a million keys has odds around 10^-27.
 */
public final class ResidentKeySet {

    public static final int KEY_BYTES = 32;

    private long[] slots;
    private int mask;
    private int size;
    private boolean hasZero;

    public ResidentKeySet() {
        allocate(1 << 10);
    }

    /** Adds a key; returns false when it was already present. */
    public boolean add(byte[] key) {
        return add(ByteBuffer.wrap(key, 0, KEY_BYTES).getLong(), ByteBuffer.wrap(key, 8, 8).getLong());
    }

    public boolean contains(byte[] key) {
        long hi = ByteBuffer.wrap(key, 0, 8).getLong();
        long lo = ByteBuffer.wrap(key, 8, 8).getLong();
        if (hi == 0 && lo == 0) {
            return hasZero;
        }
        for (int i = index(hi, lo); ; i = (i + 1) & mask) {
            long h = slots[2 * i];
            long l = slots[2 * i + 1];
            if (h == 0 && l == 0) {
                return false;
            }
            if (h == hi && l == lo) {
                return true;
            }
        }
    }

    /** Adds every key of a concatenation of 32-byte keys (a batch's resident_keys column). */
    public void addAll(byte[] concatenated) {
        if (concatenated == null) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(concatenated);
        for (int offset = 0; offset + KEY_BYTES <= concatenated.length; offset += KEY_BYTES) {
            add(buffer.getLong(offset), buffer.getLong(offset + 8));
        }
    }

    public int size() {
        return size;
    }

    private boolean add(long hi, long lo) {
        if (hi == 0 && lo == 0) {
            boolean added = !hasZero;
            hasZero = true;
            size += added ? 1 : 0;
            return added;
        }
        if (2 * (size + 1) > slots.length / 2) {
            grow();
        }
        for (int i = index(hi, lo); ; i = (i + 1) & mask) {
            long h = slots[2 * i];
            long l = slots[2 * i + 1];
            if (h == 0 && l == 0) {
                slots[2 * i] = hi;
                slots[2 * i + 1] = lo;
                size++;
                return true;
            }
            if (h == hi && l == lo) {
                return false;
            }
        }
    }

    private int index(long hi, long lo) {
        long mixed = (hi ^ Long.rotateLeft(lo, 31)) * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & mask;
    }

    private void grow() {
        long[] old = slots;
        allocate(old.length); // old.length longs = old.length / 2 slots → twice the capacity
        size = hasZero ? 1 : 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                add(old[i], old[i + 1]);
            }
        }
    }

    private void allocate(int capacity) {
        slots = new long[2 * capacity];
        mask = capacity - 1;
    }
}
