package io.soltrade.data.questdb;

import io.soltrade.data.domain.OnChainTradeId;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.TradeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Every trade id the table may hold, as a Bloom filter: once {@link #markComplete() complete}, an id it does not
 * contain is certainly not stored, so the trade intake writes it without a lookup; an id it may contain (a resend,
 * or a false positive, at most about 2 in 100,000) is looked up as before ({@link #addIfNew(String)}). Complete means: every id
 * stored when this store started was added by the start-up scan, and every id this store wrote since (or tried to) was
 * added before it was sent. Before that, {@link #addIfNew(String)} answers false for every id (every id is looked up).
 *
 * <p>The filter grows in stages, each for twice the ids of the one before and with half its false-positive rate
 * (Almeida et al., "Scalable Bloom Filters", 2007), so it needs no size setting and the rate of all stages together stays
 * below twice the first stage's, {@value #FIRST_STAGE_FALSE_POSITIVES}, however many ids it holds. The rate is set for
 * {@code batchSave}: a batch of 1,000 new trades in which one id is a false positive waits for that id's lookup and a
 * second write, so the rate per id must be far below 1 in 1,000. At 1 % per stage (until 2026-12-04)
 * half the batches paid that once the first stage held 600,000 ids, and every batch beyond 1 million. The cost is
 * memory: 25 to 30 bits per id as the stages tighten (118 MB allocated for 30 million ids, a month of a million trades
 * a day, against 39 MB at 1 %), and on the caller's thread 0.35 to 0.42 ms per 1,000 ids when the filter and the ids are
 * out of cache (as in a bench round), much of it one cache miss per probe. Tried: blocked stages (an id's probes in one
 * 64-byte line) took 10 % off that for 30 % more bits, and no end-to-end change showed (issue 14, docs/bench.md).
 *
 * <p>Thread-safe: the scan, the intake thread and callers' threads add concurrently.
 *
 * <p>Its own bit sets rather than Guava's {@code BloomFilter}: Guava hashes each id with a streaming Murmur3 hasher
 * object per call, 16 % of the adapter's client CPU in {@code questdb.batch-save} (issue 14's profile); here an id is
 * hashed once into 64 bits ({@link #hash64(String)}, or {@link #hash64(TradeId)} from its parts) and a stage's probes
 * are derived from it ({@link Stage#probe}), with no allocation.
 */
final class KnownTradeIds {
    /** The first stage's false-positive rate when full; each later stage's is half the one before. */
    static final double FIRST_STAGE_FALSE_POSITIVES = 1e-5;

    private static final class Stage {
        final long[] words;
        final long bits;
        final int probes;

        /** The optimal filter for {@code ids} at rate {@code p}: log2(1/p) probes and log2(1/p) / ln 2 bits per id. */
        Stage(long ids, double falsePositives) {
            this.probes = (int) Math.ceil(Math.log(1 / falsePositives) / Math.log(2));
            long wanted = Math.max(64, (long) Math.ceil(ids * probes / Math.log(2)));
            this.words = new long[Math.toIntExact((wanted + 63) / 64)];
            this.bits = words.length * 64L;
        }

        /**
         * Whether every probe of the id finds its bit set, setting them when {@code set}; with {@code set}, returns
         * whether any bit was clear (the id was certainly not in this stage before). The probes come by enhanced
         * double hashing (Dillinger and Manolios, 2004): the stride grows by one each probe. With a fixed stride, an id
         * whose stride shares a large factor with {@code bits} had its probes fall on a few bits only: harmless in a
         * large stage, but in small ones a rate of about 1 in 10,000 whatever the stage was sized for.
         */
        boolean probe(long h1, long h2, boolean set) {
            long x = Long.remainderUnsigned(h1, bits);
            long y = Long.remainderUnsigned(h2, bits);
            boolean anyClear = false;
            for (int i = 1; i <= probes; i++) {
                x += y;
                if (x >= bits) {
                    x -= bits;
                }
                y += i;
                if (y >= bits) {
                    y -= bits;
                }
                int word = (int) (x >>> 6);
                long mask = 1L << x;
                if ((words[word] & mask) == 0) {
                    if (!set) {
                        return false;
                    }
                    words[word] |= mask;
                    anyClear = true;
                }
            }
            return set ? anyClear : true;
        }
    }

    private final List<Stage> stages = new ArrayList<>();
    private long stageCapacity;
    private double stageFalsePositives = FIRST_STAGE_FALSE_POSITIVES;
    private long inStage;
    private long added;
    private volatile boolean complete;

    KnownTradeIds(int firstStageIds) {
        this.stageCapacity = firstStageIds;
        stages.add(new Stage(firstStageIds, stageFalsePositives));
    }

    /**
     * The id's 64-bit hash, from which the probes are derived: FNV-1a over the characters, then SplitMix64's finalizer
     * to spread it. Two ids with equal hashes (about 1 in 2^64 per pair) only make one of them a false positive, which
     * costs a lookup, never a wrong answer.
     */
    static long hash64(String id) {
        return mix(fnv(FNV_OFFSET, id));
    }

    /**
     * {@link #hash64(String)} of the id's natural key, without making the string: a {@code batchSave} classifies every
     * id on the caller's thread, where a thousand natural-key strings made only to be hashed are garbage (issue 14).
     */
    static long hash64(TradeId id) {
        long h;
        if (id instanceof OnChainTradeId onChain) {
            h = fnv(fnv(FNV_OFFSET, onChain.signature().base58()), ':');
            int index = onChain.instructionIndex(); // 0 to 255 (OnChainTradeId checks): its decimal digits, as naturalKey writes them
            if (index >= 100) {
                h = fnv(h, (char) ('0' + index / 100));
            }
            if (index >= 10) {
                h = fnv(h, (char) ('0' + index / 10 % 10));
            }
            h = fnv(h, (char) ('0' + index % 10));
        } else if (id instanceof PaperTradeId paper) {
            h = fnv(fnv(FNV_OFFSET, PaperTradeId.PREFIX), paper.clientId());
        } else {
            h = fnv(FNV_OFFSET, id.naturalKey());
        }
        return mix(h);
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    private static long fnv(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static long fnv(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    /** SplitMix64's finalizer. */
    private static long mix(long h) {
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
        return addIfNew(hash64(id));
    }

    /** {@link #addIfNew(String)} of the id's natural key. */
    boolean addIfNew(TradeId id) {
        return addIfNew(hash64(id));
    }

    private boolean addIfNew(long h1) {
        long h2 = mix(h1 + 0x9e3779b97f4a7c15L); // the probes' stride, independent of h1
        synchronized (this) {
            boolean wasComplete = complete;
            boolean seenBefore = false;
            for (int i = 0; i < stages.size() - 1 && !seenBefore; i++) {
                seenBefore = stages.get(i).probe(h1, h2, false);
            }
            if (inStage >= stageCapacity) {
                stageCapacity *= 2;
                stageFalsePositives /= 2;
                stages.add(new Stage(stageCapacity, stageFalsePositives));
                inStage = 0;
            }
            boolean changed = stages.get(stages.size() - 1).probe(h1, h2, true);
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
