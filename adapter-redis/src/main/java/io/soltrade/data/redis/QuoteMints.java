package io.soltrade.data.redis;

import io.soltrade.data.domain.Pubkey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quote mints already decoded, by their text. Validating a {@link Pubkey} decodes its base58 (big-number arithmetic),
 * which was most of a cache read's client time (80% of {@code get}'s samples in a JFR profile) and of a live-feed
 * subscriber's decoding of a price; the quote mint of nearly every price is one of a handful (USDC, SOL), so each text
 * is validated once. Bounded: past {@value #MAX_KNOWN} texts the map starts over (still correct, slower). Thread-safe.
 */
final class QuoteMints {
    /** More distinct quote mints than any platform prices in. */
    static final int MAX_KNOWN = 64;

    private final Map<String, Pubkey> known = new ConcurrentHashMap<>();

    /** The mint of {@code text}; throws the domain's validation error for text that is not one. */
    Pubkey of(String text) {
        Pubkey mint = known.get(text);
        if (mint != null) {
            return mint;
        }
        mint = Pubkey.of(text);
        if (known.size() >= MAX_KNOWN) {
            known.clear();
        }
        known.put(text, mint);
        return mint;
    }

    /** How many distinct mints are remembered. */
    int size() {
        return known.size();
    }
}
