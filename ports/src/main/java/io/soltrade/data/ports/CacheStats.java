package io.soltrade.data.ports;

/**
 * A cache's counters since it was created. {@code expired} counts lookups that found nothing because the
 * value had outlived its TTL, where the backend can tell (otherwise such lookups count as misses).
 */
public record CacheStats(long hits, long misses, long expired, long staleWritesRejected, long errors) {

    public CacheStats {
        if (hits < 0 || misses < 0 || expired < 0 || staleWritesRejected < 0 || errors < 0) {
            throw new IllegalArgumentException("counters must not be negative");
        }
    }

    public double hitRatio() {
        long lookups = hits + misses;
        return lookups == 0 ? 0.0 : (double) hits / lookups;
    }
}
