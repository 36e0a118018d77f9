package io.soltrade.data.questdb;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every trade id the table may hold, as a Bloom filter: once {@link #markComplete() complete}, an id it does not
 * contain is certainly not stored, so the trade intake writes it without a lookup; an id it may contain (a resend,
 * or a false positive, about 1 in 100) is looked up as before ({@link #addIfNew}). Complete means: every id stored when this store
 * started was added by the start-up scan, and every id this store wrote since (or tried to) was added by the intake
 * before it was sent. Before that, {@link #addIfNew} answers false for every id (every id is looked up).
 *
 * <p>The filter grows in stages (each twice the ids of the one before, 1 % false positives each), so it needs no size
 * setting: about 1.2 bytes per id (36 MB for 30 million ids, a month of a million trades a day). Thread-safe: the
 * scan and the intake add concurrently.
 */
final class KnownTradeIds {
    private static final double FALSE_POSITIVES = 0.01;

    private final List<BloomFilter<Long>> stages = new CopyOnWriteArrayList<>();
    private long stageCapacity;
    private long inStage;
    private long added;
    private volatile boolean complete;

    KnownTradeIds(int firstStageIds) {
        this.stageCapacity = firstStageIds;
        stages.add(newStage(firstStageIds));
    }

    private static BloomFilter<Long> newStage(long ids) {
        return BloomFilter.create(Funnels.longFunnel(), ids, FALSE_POSITIVES);
    }

    /**
     * The id's 64-bit hash, which the filter hashes again: the stages' Murmur3 then reads 8 bytes instead of the id's
     * ~90 UTF-8-encoded characters (hashing was 19 % of the adapter's client CPU in {@code questdb.batch-save}). FNV-1a
     * over the characters, then SplitMix64's finalizer to spread it; two ids with equal hashes (about 1 in 2^64 per
     * pair) only make one of them a false positive, which costs a lookup, never a wrong answer.
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

    synchronized void add(String id) {
        addIfNew(id);
    }

    /**
     * Adds the id and says whether it was certainly new: false when the filter is not complete yet or may already
     * have held it (then the caller looks it up). One pass over the id's hash, where a check and then an add would take
     * two; adding an id that turns out to be stored is harmless (it is).
     */
    synchronized boolean addIfNew(String id) {
        Long hash = hash64(id);
        boolean wasComplete = complete;
        boolean seenBefore = false;
        for (int i = 0; i < stages.size() - 1 && !seenBefore; i++) {
            seenBefore = stages.get(i).mightContain(hash);
        }
        if (inStage >= stageCapacity) {
            stageCapacity *= 2;
            stages.add(newStage(stageCapacity));
            inStage = 0;
        }
        boolean changed = stages.get(stages.size() - 1).put(hash);
        if (changed) {
            inStage++;
        }
        added++;
        return wasComplete && changed && !seenBefore;
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
