package jp.moshisapo.notification.stats;

/** Small counts of residents are not published: 1 to {@code minCell - 1} becomes null; zero stays zero. */
record Suppression(int minCell) {

    static final Suppression NONE = new Suppression(0);

    Long apply(long count) {
        return count > 0 && count < minCell ? null : count;
    }
}
