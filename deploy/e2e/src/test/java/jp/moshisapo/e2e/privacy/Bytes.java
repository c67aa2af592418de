package jp.moshisapo.e2e.privacy;

/** Byte-wise search, for data whose encoding the search must not assume. */
final class Bytes {

    private Bytes() {
    }

    static boolean contains(byte[] data, byte[] needle) {
        if (needle.length == 0 || data.length < needle.length) {
            return false;
        }
        byte first = needle[0];
        outer:
        for (int i = 0, last = data.length - needle.length; i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
