package io.soltrade.data.questdb;

import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.TransientDbException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every trade write of a store takes, so that a trade id is written once whatever its timestamp.
 * QuestDB's DEDUP keys must include the designated timestamp, so a trade saved again at another time would be a
 * second row; the intake instead looks every id up before writing it and drops the ones stored (the first save
 * wins).
 *
 * <p>One thread runs cycles: take everything queued (up to the writer's capacity in rows), look up the ids that may
 * be stored in one indexed query per 256 ids, apply the commitment updates of the cycle to the stored or just-saved
 * trade, hand the rows that remain to the writer as one submission, and go on to the next cycle without waiting for
 * the acknowledgement: callers complete when the writer's does (group commit: cycles that meet in the writer's buffer
 * go in one request). One thread decides, so an id is classified once: an id whose write is still in flight counts as
 * stored, and a request that met it completes with that write, failing if it fails. A failure fails every call of
 * its cycle (each may be retried: the lookup makes a retry harmless).
 *
 * <p>The lookup does not wait for WAL apply (waiting made every cycle as slow as QuestDB's apply lag: 19 single saves
 * a second from 8 threads on a loaded machine): what this intake wrote and the table may not have applied yet it
 * remembers itself ({@link RecentWrites}), until the table's applied transaction passes a sequencer transaction read
 * after the write was acknowledged.
 *
 * <p>No lookup for an id that is certainly new. {@link KnownTradeIds}, a Bloom filter loaded at start by a scan of
 * every stored id (its own thread) and fed every id this intake writes, says which ids may be stored; once loaded, a
 * cycle looks up only the ids it may hold (resends, and about 1 in 100 new ids), so a cycle of new trades is one
 * write, as it was before ids were checked. Until the scan is done, every id is looked up.
 *
 * <p><b>Certainly-new trades skip the intake thread.</b> Once the scan is done, the caller's own thread classifies
 * the ids of a save with the filter and hands the certainly-new trades straight to the writer (one thread hand-off
 * fewer each way: the caller completes with the writer's acknowledgement); only ids that may be stored (resends,
 * false positives) and commitment updates go through the intake thread. The two paths stay consistent under one lock
 * ({@link #ledger}): an id is added to the filter and registered as in flight in one step, so whichever path sees the
 * id second waits for the first one's write (first save wins), and a caller's save never overtakes a request it
 * queued before (while the intake holds requests whose write it has not handed to the writer yet, every save goes
 * through it).
 *
 * <p>Saves of other processes are not seen: ids another process stores after this store's scan are not in its filter,
 * so two processes saving one id at two different times can both write a row (one writer per trader, as the platform
 * runs; see the adapter README).
 */
final class TradeIntake implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradeIntake.class);
    private static final String BACKEND = QuestDbExceptionTranslator.BACKEND;

    private sealed interface Request permits Save, Update {
        int rows();

        /** When the caller queued it ({@link System#nanoTime()}): its retry deadline counts from here. */
        long queuedNanos();

        void fail(DbException failure);
    }

    /** {@code waits}: the caller blocks on {@code done} (its rows are sent with the next request, not left to the timer). */
    private record Save(List<Trade> trades, CompletableFuture<Void> done, long queuedNanos, boolean waits) implements Request {
        @Override
        public int rows() {
            return trades.size();
        }

        @Override
        public void fail(DbException failure) {
            done.completeExceptionally(failure);
        }
    }

    private record Update(TradeId id, Commitment commitment, CompletableFuture<Trade> done, long queuedNanos) implements Request {
        @Override
        public int rows() {
            return 1;
        }

        @Override
        public void fail(DbException failure) {
            done.completeExceptionally(failure);
        }
    }

    private final IlpBatchWriter writer;
    private final StoredTrades stored;
    private final Duration retryDeadline;
    private final java.util.concurrent.atomic.LongAdder readsRetried = new java.util.concurrent.atomic.LongAdder();
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    /** The trades a cycle looks up and reads, over PG wire, as the table has applied them (no read barrier). */
    interface StoredTrades {
        Set<String> appliedIds(Collection<String> naturalKeys);

        Optional<Trade> findApplied(TradeId id);

        /** The table's {@code [writerTxn, sequencerTxn]}; a suspended table is a {@link TransientDbException}. */
        long[] walTransactions();

        /** Hands every id stored (and acknowledged) before the call to {@code sink}; ids may come more than once. */
        void forEachStoredId(java.util.function.Consumer<String> sink);
    }

    /**
     * The trades this intake wrote that the table may not have applied yet, by id. Each batch is dropped once the
     * table's applied transaction reaches a sequencer transaction read after the batch was acknowledged (so at or
     * above the batch's own). Guarded by {@link #ledger}.
     *
     * <p>Every trade acknowledged during a burst is held here until applied, so an entry is kept small (issue 14, burst
     * heap): keyed by the {@link TradeId} the trade holds (not a natural-key string made for it).
     *
     * <p>A direct write's trades are not copied here: they stay in {@link #inFlight} under their write (done, so read as
     * stored) until their batch is forgotten. Acknowledging a direct write of 1,000 trades is then one batch added, not
     * 1,000 entries moved from one map to another on the writer's thread while the caller waits (issue 14: 0.15 to
     * 0.34 ms a batch), and a trade costs one map entry from send to apply, not two.
     */
    private static final class RecentWrites {
        private static final class Batch {
            /** The trades of an intake cycle's write (remembered in {@code byId}), else null. */
            final Collection<Trade> many;
            /** A direct write, else null: its trades are remembered in the in-flight map, under it. */
            final DirectWrite direct;
            final long seq;
            long sequencedBound = -1;

            Batch(Collection<Trade> many, DirectWrite direct, long seq) {
                this.many = many;
                this.direct = direct;
                this.seq = seq;
            }

            int size() {
                return direct != null ? direct.size() : many.size();
            }
        }

        private final java.util.ArrayDeque<Batch> batches = new java.util.ArrayDeque<>();
        private final Map<TradeId, Trade> byId = new java.util.HashMap<>();
        /** The intake's in-flight map, where direct writes' trades are remembered. */
        private final TradeIdTable<InFlight> inFlight;
        private long nextSeq;
        /** Trades in the batches not forgotten yet. */
        private int size;

        RecentWrites(TradeIdTable<InFlight> inFlight) {
            this.inFlight = inFlight;
        }

        /** The mark to take before reading the table's transactions: only batches added before it get that read's bound. */
        long mark() {
            return nextSeq;
        }

        /**
         * {@code applied} and {@code sequenced} come from a read that started after {@code mark} was taken. Bounds are
         * given in order, so the batches without one are the newest: only those are visited (a direct save adds a batch
         * of its own, and visiting all of them every 50 ms was most of the intake thread's work in issue 14's profile).
         *
         * @return the trades forgotten (counted per batch, as the writer holds their room)
         */
        long settle(long applied, long sequenced, long mark) {
            for (Iterator<Batch> newest = batches.descendingIterator(); newest.hasNext(); ) {
                Batch batch = newest.next();
                if (batch.sequencedBound >= 0) {
                    break;
                }
                if (batch.seq < mark) {
                    batch.sequencedBound = sequenced;
                }
            }
            long forgotten = 0;
            while (!batches.isEmpty() && batches.peekFirst().sequencedBound >= 0 && applied >= batches.peekFirst().sequencedBound) {
                Batch batch = batches.pollFirst();
                if (batch.direct != null) {
                    batch.direct.forget(inFlight);
                } else {
                    batch.many.forEach(trade -> byId.remove(trade.id(), trade)); // remove(key, value): a later batch's version stays
                }
                forgotten += batch.size();
                size -= batch.size();
            }
            return forgotten;
        }

        /** The trades of an intake cycle's write, acknowledged together. */
        void add(Collection<Trade> many) {
            if (!many.isEmpty()) {
                List<Trade> trades = List.copyOf(many); // a cycle's is a map view
                batches.addLast(new Batch(trades, null, nextSeq++));
                trades.forEach(trade -> byId.put(trade.id(), trade));
                size += trades.size();
            }
        }

        /** An acknowledged direct write, whose trades stay remembered under it in the in-flight map. */
        void add(DirectWrite write) {
            batches.addLast(new Batch(null, write, nextSeq++));
            size += write.size();
        }

        /** A trade of an intake cycle's write that is remembered (a direct write's are found in the in-flight map). */
        Trade get(TradeId id) {
            return byId.get(id);
        }

        int size() {
            return size;
        }
    }

    /**
     * Guards what both paths read and change: {@link #recent}, {@link #inFlight} and {@link #pendingRequests}, and makes
     * "add the id to the filter, register its write as in flight" one step (the filter has its own lock as well, for the
     * scan).
     */
    private final Object ledger = new Object();
    private final RecentWrites recent;
    /**
     * Requests queued to the intake thread whose cycle has not handed its write to the writer yet: while any, saves take
     * its path, so none overtakes them (counting only until classified let a save made during a cycle's lookups reach the
     * writer first: a synchronous one was then acknowledged before the caller's earlier rows were even sent).
     */
    private int pendingRequests;
    /**
     * How often a cycle asks the table how far it has applied (to forget applied writes): not every cycle, since the
     * answer only bounds memory, never correctness; more often once many writes are remembered.
     */
    private static final long SETTLE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int MAX_RECENT = 10_000;
    private long lastSettled;
    private final KnownTradeIds known = new KnownTradeIds(1 << 20);
    private final Thread scanner;

    /** Its room, enqueue timeout and capacity are the writer's (the intake's queue is inside the writer's buffer). */
    TradeIntake(IlpBatchWriter writer, StoredTrades stored, Duration retryDeadline) {
        this.retryDeadline = retryDeadline;
        this.writer = writer;
        this.stored = stored;
        this.thread = new Thread(this::run, "questdb-trade-intake");
        this.thread.setDaemon(true);
        this.scanner = new Thread(this::scanStoredIds, "questdb-trade-id-scan");
        this.scanner.setDaemon(true);
        this.recent = new RecentWrites(inFlight);
    }

    /**
     * Loads every stored id into {@link #known}, retrying transient failures (QuestDB not up yet, restarting) with
     * backoff while the intake is open; a permanent failure leaves the filter incomplete, so every id is looked up.
     */
    private void scanStoredIds() {
        long backoff = TimeUnit.MILLISECONDS.toNanos(10);
        while (!closed) {
            try {
                stored.forEachStoredId(known::add);
                known.markComplete();
                LOG.debug("questdb trade intake knows {} stored trade ids; new ids are written without a lookup", known.added());
                return;
            } catch (TransientDbException e) {
                LOG.debug("scan of stored trade ids failed, retrying: {}", e.getMessage());
                java.util.concurrent.locks.LockSupport.parkNanos(backoff);
                backoff = Math.min(TimeUnit.SECONDS.toNanos(1), backoff * 2);
            } catch (RuntimeException e) {
                LOG.warn("scan of stored trade ids failed; every trade id will be looked up before it is written", e);
                return;
            }
        }
    }

    /** Whether the start-up scan is done (new ids are then written without a lookup). */
    boolean knowsStoredIds() {
        return known.complete();
    }

    /** The thread starts with the first request, so an intake that is only built (a failed start) holds none. */
    private void ensureStarted() {
        if (!started.get() && started.compareAndSet(false, true)) {
            scanner.start();
            thread.start();
        }
    }

    /** Queues the trades; the future completes once the new ones are durable (ids already stored are skipped). */
    CompletableFuture<Void> save(List<Trade> trades) {
        return save(trades, true);
    }

    /**
     * Queues the trades; the future completes once the new ones are durable (ids already stored are skipped).
     * {@code callerWaits}: the caller blocks on the future (sent with the next request) rather than leaving the rows
     * to the writer's batch size and flush timer.
     */
    CompletableFuture<Void> save(List<Trade> trades, boolean callerWaits) {
        if (trades.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        writer.requireFits(trades.size());
        if (closed) {
            throw new PermanentDbException(DbErrorKind.CLOSED, BACKEND, "the questdb trade store is closed; nothing was written", null, null);
        }
        if (known.complete()) {
            return saveDirect(trades, callerWaits);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        offer(new Save(List.copyOf(trades), done, System.nanoTime(), callerWaits));
        return done;
    }

    /**
     * The caller's thread classifies the ids and hands the certainly-new trades to the writer itself; the rest (ids that
     * may be stored, a second copy of an id in the batch) go through the intake thread, which waits for this write where
     * it meets one of its ids. Everything goes through the intake while it holds requests not handed to the writer yet (so
     * a caller's save never overtakes its own earlier one) or while too many acknowledged writes wait to be settled.
     *
     * <p>The room comes first: a save refused for backpressure leaves no trace, and its ids none in {@link #known} (which
     * cannot forget one), so the caller's retry of the same trades takes this path again rather than a lookup each,
     * which it would otherwise meet exactly when the store is overloaded.
     */
    private CompletableFuture<Void> saveDirect(List<Trade> trades, boolean callerWaits) {
        long queuedNanos = System.nanoTime();
        writer.reserve(trades.size()); // waits up to the enqueue timeout; throws, nothing reserved, when none came
        CompletableFuture<Void> written = new CompletableFuture<>();
        DirectWrite write = null;
        List<Trade> rest = null;
        synchronized (ledger) {
            if (pendingRequests > 0 || recent.size() >= MAX_RECENT) {
                rest = trades;
            } else if (trades.size() == 1) {
                Trade trade = trades.get(0);
                if (known.addIfNew(trade.id())) {
                    write = new DirectWrite(trade, null, written);
                    inFlight.put(trade.id(), write);
                } else {
                    rest = trades;
                }
            } else {
                // a second copy of an id in the batch finds the filter holding it already, so it goes with the rest: no
                // map of the batch's ids is needed to keep it out of this write
                List<Trade> fresh = new ArrayList<>(trades.size());
                for (Trade trade : trades) {
                    if (known.addIfNew(trade.id())) {
                        fresh.add(trade);
                    } else {
                        if (rest == null) {
                            rest = new ArrayList<>();
                        }
                        rest.add(trade);
                    }
                }
                if (!fresh.isEmpty()) {
                    write = new DirectWrite(null, List.copyOf(fresh), written);
                    for (Trade trade : write.many) {
                        inFlight.put(trade.id(), write);
                    }
                }
            }
        }
        if (write != null) {
            try {
                writer.submitReserved(TradeRowEncoder.INSTANCE, write.trades(), callerWaits, queuedNanos + retryDeadline.toNanos(), write);
            } catch (DbException e) {
                writer.unreserve(trades.size()); // closed: nothing was written, the whole reservation is the caller's
                write.completeExceptionally(e);
                throw e;
            }
        }
        if (rest == null) {
            return written;
        }
        CompletableFuture<Void> viaIntake = new CompletableFuture<>();
        try {
            offerReserved(new Save(List.copyOf(rest), viaIntake, queuedNanos, callerWaits)); // the rest of the room
        } catch (DbException e) {
            if (write == null) {
                throw e;
            }
            viaIntake.completeExceptionally(e); // the fresh part is sent already: the caller learns of the refusal from the future
        }
        if (write == null) {
            return viaIntake;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.allOf(written, viaIntake).whenComplete((ignored, failure) -> {
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(unwrap(failure));
            }
        });
        return done;
    }

    /**
     * The write of a direct save, completed by the writer (its submission's outcome): it settles the ledger and then
     * completes {@code written}, the caller's future (so what a caller does with its future never reaches the ledger).
     * It is also the {@link InFlight} entry of each of its trades: for a one-trade save, the common case, a buffered trade
     * costs its submission, this and the caller's future, and no map, record or completion stage besides (issue 14: heap
     * per buffered trade); a save of several adds no entry object per trade.
     */
    private final class DirectWrite extends CompletableFuture<Void> implements InFlight {
        /** The trade of a one-trade save, else null. */
        private final Trade only;
        /** The trades of a save of two or more (distinct ids, immutable), else null. */
        private final List<Trade> many;
        private final CompletableFuture<Void> written;
        /** Its write failed (set when its entries leave the in-flight map; guarded by {@link #ledger}). */
        private boolean failed;
        /** The table applied it and its entries left the in-flight map (guarded by {@link #ledger}). */
        private boolean forgotten;

        DirectWrite(Trade only, List<Trade> many, CompletableFuture<Void> written) {
            this.only = only;
            this.many = many;
            this.written = written;
        }

        List<Trade> trades() {
            return only != null ? List.of(only) : many;
        }

        int size() {
            return only != null ? 1 : many.size();
        }

        /** The table applied it: its entries leave {@code inFlight}. */
        void forget(TradeIdTable<InFlight> inFlight) {
            forgotten = true;
            leave(inFlight);
        }

        /** Its entries leave {@code inFlight} (where another write of an id took its place, that one stays). */
        void leave(TradeIdTable<InFlight> inFlight) {
            if (only != null) {
                inFlight.remove(only.id(), this);
            } else {
                for (Trade trade : many) {
                    inFlight.remove(trade.id(), this);
                }
            }
        }

        /** Whether an update that took this write's place for an id and then failed should give the place back. */
        boolean stillRemembers() {
            return !failed && !forgotten;
        }

        /**
         * Looks the trade up in the write: only an update of a trade still in flight asks (rare), so a direct write of
         * several is its trades' in-flight entry itself, with no entry object per trade (issue 14: allocation per saved
         * trade; such entries were 5 % of the adapter's allocation in the JFR samples).
         */
        @Override
        public Trade trade(TradeId id) {
            if (only != null) {
                return only;
            }
            for (Trade trade : many) {
                if (trade.id().equals(id)) {
                    return trade;
                }
            }
            throw new IllegalStateException("trade " + id + " is not in this write");
        }

        @Override
        public CompletableFuture<Void> write() {
            return this;
        }

        // only the writer (once, through its submission) or a refused submit completes this: the ledger is settled once

        @Override
        public boolean complete(Void value) {
            return decide(null);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            return decide(failure);
        }

        /** Settles the ledger, then completes this and the caller's future: acknowledged when {@code failure} is null. */
        private boolean decide(Throwable failure) {
            if (isDone()) {
                return false;
            }
            settleDirect(this, failure == null);
            if (failure == null) {
                super.complete(null);
                return written.complete(null);
            }
            super.completeExceptionally(failure);
            return written.completeExceptionally(failure);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Queues a commitment update; the future completes with the trade as stored afterwards. */
    CompletableFuture<Trade> updateCommitment(TradeId id, Commitment commitment) {
        CompletableFuture<Trade> done = new CompletableFuture<>();
        offer(new Update(id, commitment, done, System.nanoTime()));
        return done;
    }

    private void offer(Request request) {
        if (closed) {
            throw new PermanentDbException(DbErrorKind.CLOSED, BACKEND, "the questdb trade store is closed; nothing was written", null, null);
        }
        writer.reserve(request.rows()); // its room in the writer's buffer: the queue is inside the buffer's capacity
        offerReserved(request);
    }

    /** Queues a request whose room is reserved already; when it cannot be queued (closed), gives the room back. */
    private void offerReserved(Request request) {
        if (closed) {
            writer.unreserve(request.rows());
            throw new PermanentDbException(DbErrorKind.CLOSED, BACKEND, "the questdb trade store is closed; nothing was written", null, null);
        }
        ensureStarted();
        synchronized (ledger) {
            pendingRequests++;
            queue.add(request);
        }
        if (closed && queue.remove(request)) {
            synchronized (ledger) {
                pendingRequests--;
            }
            writer.unreserve(request.rows());
            throw new PermanentDbException(DbErrorKind.CLOSED, BACKEND, "the questdb trade store is closed; nothing was written", null, null);
        }
    }

    private void run() {
        try {
            while (!closed || !queue.isEmpty()) {
                Request first = queue.poll(SETTLE_INTERVAL_NANOS, TimeUnit.NANOSECONDS);
                if (first == null) {
                    settleWhileIdle();
                    continue;
                }
                List<Request> cycle = new ArrayList<>(List.of(first));
                int rows = first.rows();
                for (Request next = queue.peek(); next != null && rows + next.rows() <= writer.capacityRows(); next = queue.peek()) {
                    cycle.add(queue.poll());
                    rows += next.rows();
                }
                process(cycle, rows);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("questdb trade intake thread died; failing every queued trade write", e);
            closed = true;
        } finally {
            PermanentDbException gone = new PermanentDbException(DbErrorKind.CLOSED, BACKEND,
                    "the questdb trade store closed before this write was attempted; nothing was written", null, null);
            for (Request request; (request = queue.poll()) != null; ) {
                synchronized (ledger) {
                    pendingRequests--;
                }
                writer.unreserve(request.rows());
                request.fail(gone);
            }
        }
    }

    /**
     * Runs a read of the cycle, retrying transient failures (a server restarting or frozen) with backoff until the
     * cycle's oldest request reaches the writer's retry deadline, as the writer does with its own requests; meanwhile
     * the cycle keeps its room, so callers meet backpressure instead of piling up.
     */
    private <T> T retrying(List<Request> cycle, java.util.function.Supplier<T> read) {
        long deadline = deadline(cycle);
        long backoff = TimeUnit.MILLISECONDS.toNanos(10);
        while (true) {
            try {
                return read.get();
            } catch (TransientDbException e) {
                if (closed || System.nanoTime() + backoff - deadline > 0 || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                readsRetried.increment();
                java.util.concurrent.locks.LockSupport.parkNanos(backoff);
                backoff = Math.min(TimeUnit.SECONDS.toNanos(1), backoff * 2);
            }
        }
    }

    /** The retry deadline of a cycle: the writer's retry deadline from when its oldest request was queued. */
    private long deadline(List<Request> cycle) {
        return cycle.stream().mapToLong(Request::queuedNanos).min().orElse(System.nanoTime()) + retryDeadline.toNanos();
    }

    /** A trade being written, and the write that carries it. */
    private interface InFlight {
        /** The trade with {@code id} this write carries (an id it is registered in flight for). */
        Trade trade(TradeId id);

        CompletableFuture<Void> write();
    }

    /**
     * A trade of a cycle's write. {@code displaced}: the direct write whose entry for this id it replaced (an update of a
     * trade written directly), else null; given its place back if this write fails, so the trade it remembers is not
     * forgotten before the table applies it.
     */
    private record InFlightTrade(Trade trade, CompletableFuture<Void> write, DirectWrite displaced) implements InFlight {
        @Override
        public Trade trade(TradeId id) {
            return trade;
        }
    }

    /**
     * Ids whose write was sent and not yet completed, by either path, and the ids of acknowledged direct writes until the
     * table applies them (their entry's write is done then, so an id saved again counts as stored and waits for nothing);
     * guarded by {@link #ledger}. Keyed by the id value, not its natural-key string, so a buffered trade holds no second
     * copy of its id; a {@link TradeIdTable}, so an entry allocates nothing of its own.
     */
    private final TradeIdTable<InFlight> inFlight = new TradeIdTable<>();

    /**
     * A cycle's write completed (on the writer's thread): its ids move from {@link #inFlight} to {@link #recent} (if
     * stored) in one step, so an id saved again meets one or the other.
     */
    private void settle(Collection<Trade> many, CompletableFuture<Void> write, boolean succeeded) {
        synchronized (ledger) {
            if (succeeded) {
                recent.add(many);
            }
            for (Trade trade : many) {
                InFlight flying = inFlight.get(trade.id());
                if (flying != null && flying.write() == write) {
                    DirectWrite displaced = ((InFlightTrade) flying).displaced();
                    if (!succeeded && displaced != null && displaced.stillRemembers()) {
                        inFlight.put(trade.id(), displaced);
                    } else {
                        inFlight.remove(trade.id());
                    }
                }
            }
        }
    }

    /**
     * A direct write completed, before its caller hears of it: acknowledged, its entries stay in {@link #inFlight} (now
     * read as stored) and it joins {@link #recent} as one batch; failed, its entries leave (where an update took an id's
     * place, that one stays).
     */
    private void settleDirect(DirectWrite write, boolean succeeded) {
        synchronized (ledger) {
            if (succeeded) {
                recent.add(write);
            } else {
                write.failed = true;
                write.leave(inFlight);
            }
        }
    }

    /**
     * Forgets applied writes while no request comes (saves of new ids take the direct path and leave this thread idle):
     * one status read at most every {@link #SETTLE_INTERVAL_NANOS}; a failure only leaves them remembered longer.
     */
    private void settleWhileIdle() {
        long mark;
        synchronized (ledger) {
            if (recent.size() == 0) {
                return;
            }
            mark = recent.mark();
        }
        long now = System.nanoTime();
        if (now - lastSettled < SETTLE_INTERVAL_NANOS) {
            return;
        }
        try {
            forgetApplied(stored.walTransactions(), mark, now);
        } catch (RuntimeException e) {
            readsRetried.increment(); // read again at the next idle moment
            LOG.debug("could not read how far the trades table has applied; applied writes are remembered longer: {}", e.getMessage());
        }
    }

    /**
     * One cycle. Its write is sent without waiting for the previous cycle's to be acknowledged (the writer sends them
     * in order, together when they meet in its buffer: group commit), so a cycle never waits on the network. An id
     * still in flight from an earlier cycle counts as stored, and the request that met it completes only with that
     * write, and fails if it fails (so a caller is never told a trade is stored on the strength of a write that was
     * not). The cycle's requests reserved {@code rows} in the writer's buffer when they were queued: its write takes
     * that room (kept until the table applies it), the rest is given back at once.
     */
    private void process(List<Request> cycle, int rows) {
        long reserved = rows;
        try {
            Map<Request, List<CompletableFuture<Void>>> waits = new java.util.IdentityHashMap<>();
            Set<String> ids = new LinkedHashSet<>();
            Set<String> storedIds = new HashSet<>();
            int remembered;
            long mark;
            synchronized (ledger) {
            remembered = recent.size();
            mark = recent.mark();
            for (Request request : cycle) {
                if (request instanceof Save save) {
                    for (Trade trade : save.trades()) {
                        String id = trade.id().naturalKey();
                        InFlight flying = inFlight.get(trade.id());
                        if (flying != null) {
                            storedIds.add(id);
                            waits.computeIfAbsent(request, r -> new ArrayList<>()).add(flying.write());
                        } else if (recent.get(trade.id()) != null) {
                            storedIds.add(id);
                        } else if (!ids.contains(id) && !known.addIfNew(id)) {
                            ids.add(id); // may be stored: looked up (added already, harmlessly: it is known from here on)
                        }
                    }
                } else if (request instanceof Update update) {
                    known.add(update.id().naturalKey()); // from here on the direct path leaves this id to the intake
                }
            }
            }
            // forgetting applied writes bounds memory and frees their room in the writer's buffer: done at most every
            // 50 ms, and only when this cycle reads anyway, too much is remembered or callers wait for room (a cycle of
            // new ids otherwise does no read at all)
            long now = System.nanoTime();
            if (remembered > 0 && now - lastSettled >= SETTLE_INTERVAL_NANOS && (!ids.isEmpty() || remembered > MAX_RECENT || writer.roomShort())) {
                forgetApplied(retrying(cycle, stored::walTransactions), mark, now);
            }
            if (!ids.isEmpty()) {
                storedIds.addAll(retrying(cycle, () -> stored.appliedIds(ids)));
            }
            Map<String, Trade> writes = new LinkedHashMap<>();
            Map<Update, Object> outcomes = new LinkedHashMap<>();
            java.util.function.Function<TradeId, Optional<Trade>> findApplied = id -> retrying(cycle, () -> stored.findApplied(id));
            for (Request request : cycle) {
                if (request instanceof Save save) {
                    for (Trade trade : save.trades()) {
                        String id = trade.id().naturalKey();
                        if (!storedIds.contains(id)) {
                            writes.putIfAbsent(id, trade);
                        }
                    }
                } else if (request instanceof Update update) {
                    outcomes.put(update, apply(update, writes, findApplied, waits));
                }
            }
            // every id was added to the filter when classified, before it is sent (a write whose outcome is unknown may
            // have stored it); registered as in flight before the writer can acknowledge it
            CompletableFuture<Void> write = new CompletableFuture<>();
            synchronized (ledger) {
                for (Trade written : writes.values()) {
                    InFlight displaced = inFlight.get(written.id());
                    inFlight.put(written.id(), new InFlightTrade(written, write, displaced instanceof DirectWrite direct ? direct : null));
                }
            }
            write.whenComplete((ignored, failure) -> settle(writes.values(), write, failure == null));
            try {
                // the write keeps to the cycle's deadline (its lookups already spent part of it): one deadline per call
                boolean anyoneWaits = cycle.stream().anyMatch(request -> !(request instanceof Save save) || save.waits());
                writer.submitReserved(TradeRowEncoder.INSTANCE, new ArrayList<>(writes.values()), anyoneWaits, deadline(cycle), write);
                reserved -= writes.size(); // the write holds them now
            } catch (RuntimeException e) {
                write.completeExceptionally(e); // refused: nothing of it was written
                throw e;
            }
            for (Request request : cycle) {
                List<CompletableFuture<Void>> needed = new ArrayList<>(waits.getOrDefault(request, List.of()));
                needed.add(write);
                CompletableFuture<Void> gate = CompletableFuture.allOf(needed.toArray(CompletableFuture[]::new));
                gate.whenComplete((ignored, failure) -> complete(request, outcomes.get(request), failure));
            }
        } catch (DbException e) {
            cycle.forEach(request -> request.fail(e));
        } catch (RuntimeException e) {
            DbException failure = new PermanentDbException(DbErrorKind.QUERY, BACKEND, "trade write failed: " + e, null, e);
            cycle.forEach(request -> request.fail(failure));
        } finally {
            writer.unreserve(reserved); // rows not written (stored already, duplicates) or a failed cycle's
            synchronized (ledger) {
                pendingRequests -= cycle.size(); // handed to the writer (or failed): later saves may go direct again
            }
        }
    }

    /**
     * Forgets the remembered writes the table has applied, given its {@code [writerTxn, sequencerTxn]} read after
     * {@code mark} was taken at {@code readAt}; returns how many are still remembered.
     */
    private int forgetApplied(long[] transactions, long mark, long readAt) {
        int remembered;
        long forgotten;
        synchronized (ledger) {
            forgotten = recent.settle(transactions[0], transactions[1], mark);
            remembered = recent.size();
        }
        writer.giveBack(forgotten); // their room in the writer's buffer is free again
        lastSettled = readAt;
        return remembered;
    }

    /** Completes a request of a cycle once the writes it waited for are done: with the write's failure if one failed. */
    private static void complete(Request request, Object outcome, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            request.fail(cause instanceof DbException db ? db
                    : new PermanentDbException(DbErrorKind.QUERY, BACKEND, "trade write failed: " + cause, null, cause));
        } else if (request instanceof Save save) {
            save.done().complete(null);
        } else if (request instanceof Update update) {
            if (outcome instanceof Trade trade) {
                update.done().complete(trade);
            } else {
                update.fail((DbException) outcome);
            }
        }
    }

    /** The trade after the update (now in {@code writes} if it changed), or the DbException the caller gets. */
    private Object apply(Update update, Map<String, Trade> writes, java.util.function.Function<TradeId, Optional<Trade>> findApplied,
                         Map<Request, List<CompletableFuture<Void>>> waits) {
        String id = update.id().naturalKey();
        Trade current = writes.get(id);
        if (current == null) {
            synchronized (ledger) {
                InFlight flying = inFlight.get(update.id());
                if (flying != null) {
                    current = flying.trade(update.id());
                    waits.computeIfAbsent(update, r -> new ArrayList<>()).add(flying.write());
                } else {
                    current = recent.get(update.id());
                }
            }
        }
        if (current == null) {
            Optional<Trade> found = findApplied.apply(update.id());
            if (found.isEmpty()) {
                return DbException.of(DbErrorKind.NOT_FOUND, BACKEND, "no trade " + id);
            }
            current = found.get();
        }
        try {
            Trade advanced = current.advancedTo(update.commitment());
            if (advanced != current) {
                writes.put(id, advanced);
            }
            return advanced;
        } catch (DomainValidationException e) {
            return DbException.of(DbErrorKind.CONSTRAINT, BACKEND, "trade " + id + ": " + e.getMessage());
        }
    }

    /** Trades written and acknowledged that the table may not have applied yet (remembered for lookups). */
    int remembered() {
        synchronized (ledger) {
            return recent.size();
        }
    }

    /**
     * How many times a read failed and was tried again: a cycle's lookup after a transient failure, or the read of
     * how far the table has applied (tried again at the next idle moment).
     */
    long readsRetried() {
        return readsRetried.sum();
    }

    /** Stops intake, lets the thread finish what is queued (within {@code deadline}), then fails the rest. */
    void close(Duration deadline) {
        closed = true;
        scanner.interrupt(); // a scan still running is of no use once closed
        try {
            thread.join(Math.max(1, deadline.toMillis()));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
