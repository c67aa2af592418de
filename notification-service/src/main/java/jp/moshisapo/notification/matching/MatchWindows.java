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

    public Instant[] starts() {
        return windows.stream().map(TimeWindow::start).toArray(Instant[]::new);
    }

    public Instant[] ends() {
        return windows.stream().map(TimeWindow::end).toArray(Instant[]::new);
    }
}
