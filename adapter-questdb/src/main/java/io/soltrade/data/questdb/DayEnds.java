package io.soltrade.data.questdb;

import io.soltrade.data.domain.PnlPeriod;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PositionKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which position states become their day's row in {@code position_days}. DEDUP keeps the last row written for a
 * position and day, but the day's row must be its newest state whatever the order states are saved in; so this
 * remembers, per position and day, the newest state this process has handed to the writer, and lets through only a
 * state at least as new (an equal one again, so a retried write goes through). Bounded: the oldest entries are
 * forgotten first, and a forgotten day simply takes the next state saved for it.
 */
final class DayEnds {
    private static final int REMEMBERED = 100_000;

    private record Day(PositionKey key, Instant day) {}

    private final Map<Day, Instant> newest = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Day, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The states of {@code positions} to write as day ends: per position and day the newest, if not older than one written. */
    synchronized List<Position> select(List<Position> positions) {
        Map<Day, Position> latest = new LinkedHashMap<>();
        for (Position position : positions) {
            latest.merge(new Day(position.key(), PnlPeriod.DAY.start(position.updatedAt())), position,
                    (a, b) -> b.updatedAt().isBefore(a.updatedAt()) ? a : b);
        }
        List<Position> selected = new ArrayList<>();
        latest.forEach((day, position) -> {
            Instant known = newest.get(day);
            if (known == null || !position.updatedAt().isBefore(known)) {
                newest.put(day, position.updatedAt());
                selected.add(position);
            }
        });
        return selected;
    }
}
