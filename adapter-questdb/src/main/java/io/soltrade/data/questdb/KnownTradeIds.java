package io.soltrade.data.questdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Every trade id the table may hold, as a Bloom filter: once {@link #markComplete() complete}, an id it does not
 * contain is certainly not stored, so the trade intake writes it without a lookup; an id it may contain (a resend,
 * or a false positive, about 1 in 100) is looked up as before ({@link #addIfNew}). Complete means: every id stored when this store
 * started was added by the start-up scan, and every id this store wrote since (or tried to) was added before it was
 * sent. Before that, {@link #addIfNew} answers false for every id (every id is looked up).
 *
 * <p>The filter grows in stages (each twice the ids of the one before, 1 % false positives each), so it needs no size
 * setting: about 1.2 bytes per id (36 MB for 30 million ids, a month of a million trades a day). Thread-safe: the
 * scan, the intake thread and callers' threads add concurrently.
 *
 * <p>Its own bit sets rather than Guava's {@code BloomFilter}: Guava hashes each id with a streaming Murmur3 hasher
 * object per call, 16 % of the adapter's client CPU in {@code questdb.batch-save} (issue 14's profile); here an id is
 * hashed once into 64 bits ({@link #hash64}) and the filter's {@value #PROBES} probes are derived from the two halves
 * (Kirsch and Mitzenmacher's double hashing), with no allocation.
 */
final class KnownTradeIds {
    /** Probes per id and bits per id for a 1 % false-positive rate: k = 7, m/n = 9.6. */
    static final int PROBES = 7;
    private static final double BITS_PER_ID = 9.6;

    private static final class Stage {
        final long[] words;
        final long bits;

        Stage(long ids) {
            long wanted = Math.max(64, (long) Math.ceil(ids * BITS_PER_ID));
            this.words = new long[(int) ((wanted + 63) / 64)];
            this.bits = words.length * 64L;
        }

        boolean mightContain(long hash) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32);
            for (int i = 1; i <= PROBES; i++) {
                long bit = ((h1 + (long) i * h2) & Long.MAX_VALUE) % bits;
                if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** Sets the id's bits; true if any was clear (the id was certainly not in this stage before). */
        boolean put(long hash) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32);
            boolean changed = false;
            for (int i = 1; i <= PROBES; i++) {
                long bit = ((h1 + (long) i * h2) & Long.MAX_VALUE) % bits;
                int word = (int) (bit >>> 6);
                long mask = 1L << bit;
                if ((words[word] & mask) == 0) {
                    words[word] |= mask;
                    changed = true;
                }
            }
            return changed;
        }
    }

    private final List<Stage> stages = new ArrayList<>();
    private long stageCapacity;
    private long inStage;
    private long added;
    private volatile boolean complete;

    KnownTradeIds(int firstStageIds) {
        this.stageCapacity = firstStageIds;
        stages.add(new Stage(firstStageIds));
    }

    /**
     * The id's 64-bit hash, from which the probes are derived: FNV-1a over the characters, then SplitMix64's finalizer
     * to spread it. Two ids with equal hashes (about 1 in 2^64 per pair) only make one of them a false positive, which
     * costs a lookup, never a wrong answer.
     */
    static long hash64(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    void add(String id) {
        addIfNew(id);
    }

    /**
     * Adds the id and says whether it was certainly new: false when the filter is not complete yet or may already
     * have held it (then the caller looks it up). One pass over the id's bits, where a check and then an add would take
     * two; adding an id that turns out to be stored is harmless (it is).
     */
    boolean addIfNew(String id) {
        long hash = hash64(id);
        synchronized (this) {
            boolean wasComplete = complete;
            boolean seenBefore = false;
            for (int i = 0; i < stages.size() - 1 && !seenBefore; i++) {
                seenBefore = stages.get(i).mightContain(hash);
            }
            if (inStage >= stageCapacity) {
                stageCapacity *= 2;
                stages.add(new Stage(stageCapacity));
                inStage = 0;
            }
            boolean changed = stages.get(stages.size() - 1).put(hash);
            if (changed) {
                inStage++;
            }
            added++;
            return wasComplete && changed && !seenBefore;
        }
    }

    /** The start-up scan has added every id stored before it began. */
    void markComplete() {
        complete = true;
    }

    boolean complete() {
        return complete;
    }

    synchronized long added() {
        return added;
    }
}
