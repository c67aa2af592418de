package jp.moshisapo.notification.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The windows of a case, sorted and merged so none overlap: a visit lies in at most one, which keeps counts and
 * recipient lists free of double matches however the staff entered overlapping dates and times.
 */
public record MatchWindows(List<TimeWindow> windows) {

    public MatchWindows {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a case needs at least one window");
        }
        windows = List.copyOf(windows);
    }

    public static MatchWindows merge(List<TimeWindow> given) {
        List<TimeWindow> sorted = new ArrayList<>(given);
        sorted.sort(Comparator.comparing(TimeWindow::start));
        List<TimeWindow> merged = new ArrayList<>();
        for (TimeWindow w : sorted) {
            TimeWindow last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.touches(w)) {
                merged.set(merged.size() - 1, new TimeWindow(last.start(),
                        last.end().isAfter(w.end()) ? last.end() : w.end()));
            } else {
                merged.add(w);
            }
        }
        return new MatchWindows(merged);
    }

    public boolean intersects(MatchWindows other) {
        return windows.stream().anyMatch(w -> other.windows.stream().anyMatch(w::intersects));
    }

    /** The windows with every start moved {@code by} earlier (merged again where they now meet). */
    public MatchWindows widenedBack(java.time.Duration by) {
        return merge(windows.stream().map(w -> new TimeWindow(w.start().minus(by), w.end())).toList());
    }

    public Instant[] starts() {
        return windows.stream().map(TimeWindow::start).toArray(Instant[]::new);
    }

    /**
     * Per window, the end of the one before it (null for the first): a visit widened into an earlier
     * window's time already matches that window, so each window counts only visits from here on, once.
     */
    public Instant[] previousEnds() {
        Instant[] previous = new Instant[windows.size()];
        for (int i = 0; i < previous.length; i++) {
            previous[i] = i == 0 ? null : windows.get(i - 1).end();
        }
        return previous;
    }

    public Instant[] ends() {
        return windows.stream().map(TimeWindow::end).toArray(Instant[]::new);
    }
}
