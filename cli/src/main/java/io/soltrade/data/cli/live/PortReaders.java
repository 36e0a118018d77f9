package io.soltrade.data.cli.live;

import io.micrometer.core.instrument.Gauge;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.domain.CandleInterval;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.CandleQuery;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What feeds the page: the live feed's price channels, tails of the three streams, and periodic reads of positions,
 * candles, health and the system's figures, each turned into page events by {@link PageEvents} and handed to the
 * {@link PageBroadcast}. Two threads of their own read the ports (one for the stream tails, one for the slower
 * reads, so a health check that waits on a dead server never delays trades), and the feed delivers on its thread:
 * the data layer never waits for a page. A failing read is logged (WARN once, then DEBUG until it succeeds) and
 * tried again on its next turn.
 *
 * <p>Bounded: at most {@value #MAX_SYMBOLS} price channels, the {@value #MAX_TRADERS} traders and
 * {@value #MAX_MARKETS} token pairs traded most recently, a few minutes of price history per token.
 */
final class PortReaders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortReaders.class);
    static final int MAX_SYMBOLS = 64;
    static final int MAX_TRADERS = 16;
    static final int MAX_MARKETS = 12;
    private static final int READ_COUNT = 1_000;
    private static final int READS_PER_TURN = 10;
    /** The price stream's backlog (minutes of every token's ticks) is read a little per turn, so trades are not kept waiting. */
    private static final int PRICE_READS_PER_TURN = 2;
    private static final Duration HISTORY = Duration.ofMinutes(3);
    private static final Duration CANDLE_WINDOW = Duration.ofMinutes(5);
    private static final CandleInterval CANDLE_INTERVAL = CandleInterval.SECONDS_15;
    private static final String WRITER_OUTSTANDING = "soltrade.questdb.writer.rows.outstanding";
    private static final String WRITER_CAPACITY = "soltrade.questdb.writer.buffer.capacity.rows";

    /** A token priced in a quote token. */
    private record Market(Pubkey token, Pubkey quote) {}

    private final DataLayer data;
    private final PageEvents events;
    private final PageBroadcast page;
    private final TokenDirectory tokens;
    private final Clock clock;
    private final ScheduledExecutorService tails;
    private final ScheduledExecutorService reads;
    private final Map<TokenSymbol, FeedSubscription> feeds = new ConcurrentHashMap<>();
    private final Map<TokenSymbol, PriceHistory> histories = new LinkedHashMap<>();
    /** Latest price per (symbol, quote mint), from the feed; the mark of a position. */
    private final Map<String, BigDecimal> marks = new ConcurrentHashMap<>();
    /** Latest trade price per market, the mark when no price is quoted for it. */
    private final Map<Market, BigDecimal> lastTradePrices = new ConcurrentHashMap<>();
    private final Map<TraderId, TradingMode> traders = recentlyUsed(MAX_TRADERS);
    private final Map<Market, Boolean> markets = recentlyUsed(MAX_MARKETS);
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private StreamEntryId pricesAfter;
    private StreamEntryId tradesAfter;
    private StreamEntryId alertsAfter;
    private volatile boolean closed;

    PortReaders(DataLayer data, PageEvents events, PageBroadcast page, TokenDirectory tokens, Clock clock) {
        this.data = data;
        this.events = events;
        this.page = page;
        this.tokens = tokens;
        this.clock = clock;
        this.tails = Executors.newSingleThreadScheduledExecutor(daemon("live-view-tails"));
        this.reads = Executors.newSingleThreadScheduledExecutor(daemon("live-view-reads"));
    }

    /** Starts reading: recent history first (the last minutes of prices, the last seconds of trades), then live. */
    synchronized void start() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        pricesAfter = after(now.minus(HISTORY));
        tradesAfter = after(now.minusSeconds(10));
        alertsAfter = after(now.minus(Duration.ofMinutes(5)));
        page.publish(events.hello(data.backends(), data.feed().maxRateHz(), data.streams().maxLength()));
        tails.scheduleWithFixedDelay(() -> guarded("trades", this::readTrades), 0, 100, TimeUnit.MILLISECONDS);
        tails.scheduleWithFixedDelay(() -> guarded("prices", this::readPrices), 0, 500, TimeUnit.MILLISECONDS);
        tails.scheduleWithFixedDelay(() -> guarded("alerts", this::readAlerts), 0, 250, TimeUnit.MILLISECONDS);
        reads.scheduleWithFixedDelay(() -> guarded("system", this::readSystem), 0, 1, TimeUnit.SECONDS);
        reads.scheduleWithFixedDelay(() -> guarded("positions", this::readPositions), 500, 1_000, TimeUnit.MILLISECONDS);
        reads.scheduleWithFixedDelay(() -> guarded("health", this::readHealth), 0, 2, TimeUnit.SECONDS);
        reads.scheduleWithFixedDelay(() -> guarded("candles", this::readCandles), 1, 5, TimeUnit.SECONDS);
    }

    private static StreamEntryId after(Instant at) {
        return new StreamEntryId(Math.max(0, at.toEpochMilli()), 0);
    }

    /**
     * Tails the price stream: it names the tokens (each gets a live-feed subscription, whose ticks go to the page) and
     * fills their chart history.
     */
    private void readPrices() {
        Set<TokenSymbol> updated = new HashSet<>();
        for (int read = 0; read < PRICE_READS_PER_TURN; read++) {
            StreamBatch batch = data.streams().read(StreamName.PRICE_UPDATES, pricesAfter, READ_COUNT, Duration.ZERO);
            pricesAfter = batch.nextAfter(pricesAfter);
            for (StreamEntry entry : batch.entries()) {
                if (entry.event() instanceof PriceUpdateEvent update) {
                    PriceQuote quote = update.quote();
                    if (histories.size() < MAX_SYMBOLS || histories.containsKey(quote.symbol())) {
                        histories.computeIfAbsent(quote.symbol(), symbol -> new PriceHistory(HISTORY, Duration.ofSeconds(1)))
                                .add(quote.observedAt(), quote.price());
                        if (updated.add(quote.symbol())) {
                            feeds.computeIfAbsent(quote.symbol(), this::subscribe);
                        }
                    }
                }
            }
            if (batch.entries().size() < READ_COUNT) {
                break;
            }
        }
        for (TokenSymbol symbol : updated) {
            page.retain(events.history(symbol, histories.get(symbol).points()));
        }
    }

    private FeedSubscription subscribe(TokenSymbol symbol) {
        return data.feed().subscribe(FeedChannel.prices(symbol), event -> {
            if (!closed && event instanceof PriceUpdateEvent update) {
                PriceQuote quote = update.quote();
                marks.put(markKey(quote.symbol().value(), quote.quote()), quote.price());
                page.publish(events.price(quote));
            }
        });
    }

    private void readTrades() {
        List<Trade> trades = new ArrayList<>();
        long count = 0;
        for (int read = 0; read < READS_PER_TURN; read++) {
            StreamBatch batch = data.streams().read(StreamName.TRADE_EVENTS, tradesAfter, READ_COUNT, Duration.ZERO);
            tradesAfter = batch.nextAfter(tradesAfter);
            for (StreamEntry entry : batch.entries()) {
                if (entry.event() instanceof TradeEvent event) {
                    count++;
                    if (trades.size() == PageEvents.TRADES_PER_BATCH) {
                        trades.remove(0);
                    }
                    trades.add(event.trade());
                }
            }
            if (batch.entries().size() < READ_COUNT) {
                break;
            }
        }
        if (trades.isEmpty()) {
            return;
        }
        Set<Pubkey> mints = new HashSet<>();
        for (Trade trade : trades) {
            mints.add(trade.token());
            mints.add(trade.quote());
            Market market = new Market(trade.token(), trade.quote());
            synchronized (this) {
                traders.put(trade.trader(), trade.mode());
                markets.put(market, Boolean.TRUE);
            }
            lastTradePrices.put(market, trade.price());
        }
        tokens.learn(mints);
        page.publish(events.trades(tradesAfter, trades, count));
    }

    private void readAlerts() {
        StreamBatch batch = data.streams().read(StreamName.UI_EVENTS, alertsAfter, 100, Duration.ZERO);
        alertsAfter = batch.nextAfter(alertsAfter);
        for (StreamEntry entry : batch.entries()) {
            if (entry.event() instanceof UiEvent event) {
                page.publish(events.alert(entry.id(), event));
            }
        }
    }

    private void readPositions() {
        Map<TraderId, TradingMode> watched;
        synchronized (this) {
            watched = new LinkedHashMap<>(traders);
        }
        watched.forEach((trader, mode) -> {
            List<Position> positions = data.positions().latestForTrader(trader, mode);
            page.publish(events.positions(trader, positions, this::mark));
        });
    }

    /** A position's mark: the live price of its token in its quote token, else the last trade's price. */
    private Optional<BigDecimal> mark(Position position) {
        Optional<BigDecimal> quoted = tokens.label(position.token())
                .map(label -> marks.get(markKey(label.symbol(), position.quote())));
        return quoted.or(() -> Optional.ofNullable(lastTradePrices.get(new Market(position.token(), position.quote()))));
    }

    private static String markKey(String symbol, Pubkey quote) {
        return symbol + "/" + quote.base58();
    }

    private void readCandles() {
        List<Market> watched;
        synchronized (this) {
            watched = new ArrayList<>(markets.keySet());
        }
        Instant now = clock.instant();
        TimeRange range = TimeRange.of(CANDLE_INTERVAL.start(now.minus(CANDLE_WINDOW)), now);
        for (Market market : watched) {
            page.publish(events.candles(market.token(), market.quote(), CANDLE_INTERVAL,
                    data.trades().candles(CandleQuery.of(market.token(), market.quote(), CANDLE_INTERVAL, range))));
        }
    }

    private void readHealth() {
        page.publish(events.health(data.health()));
    }

    private void readSystem() {
        Map<StreamName, Long> lengths = new EnumMap<>(StreamName.class);
        for (StreamName stream : StreamName.values()) {
            lengths.put(stream, data.streams().length(stream));
        }
        Map<String, CacheStats> caches = new LinkedHashMap<>();
        caches.put("prices", data.prices().stats());
        caches.put("pools", data.pools().stats());
        page.publish(events.system(lengths, data.streams().maxLength(), caches, gauge(WRITER_OUTSTANDING), gauge(WRITER_CAPACITY)));
    }

    private OptionalLong gauge(String name) {
        Gauge gauge = data.meters().find(name).gauge();
        return gauge == null || Double.isNaN(gauge.value()) ? OptionalLong.empty() : OptionalLong.of(Math.round(gauge.value()));
    }

    private void guarded(String reader, Runnable read) {
        if (closed) {
            return;
        }
        try {
            read.run();
            if (failing.remove(reader)) {
                LOG.info("live view: reading {} works again", reader);
            }
        } catch (RuntimeException e) {
            if (failing.add(reader)) {
                LOG.warn("live view: reading {} failed, retrying: {}", reader, e.toString());
            } else {
                LOG.debug("live view: reading {} failed again: {}", reader, e.toString());
            }
        }
    }

    /** Stops reading: the reader threads end (waiting up to 5 s for a read in flight), then the feed subscriptions close. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        tails.shutdownNow();
        reads.shutdownNow();
        try {
            tails.awaitTermination(5, TimeUnit.SECONDS);
            reads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // After the readers stopped, so that no subscription is opened behind this loop.
        feeds.values().forEach(subscription -> {
            try {
                subscription.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a feed subscription failed: {}", e.toString());
            }
        });
    }

    private static <K, V> Map<K, V> recentlyUsed(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
