package io.soltrade.data.ports;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest price per token, kept for a short time-to-live (1-2 s): a quote older than that is never served.
 * Writes are set-if-newer ({@link PriceQuote#isNewerThan}): an out-of-order older quote never replaces a newer
 * one, and each stored quote starts a fresh TTL. Reads are meant to take well under a millisecond.
 */
public interface PriceCache {

    PutOutcome put(PriceQuote quote);

    /** Each quote is put as by {@link #put}; the outcomes are in the order of {@code quotes}. */
    List<PutOutcome> putAll(List<PriceQuote> quotes);

    Optional<PriceQuote> get(TokenSymbol symbol);

    /** The cached quotes among {@code symbols}, in one round trip; missing symbols are absent from the map. */
    Map<TokenSymbol, PriceQuote> getAll(Collection<TokenSymbol> symbols);

    Duration ttl();

    CacheStats stats();
}
