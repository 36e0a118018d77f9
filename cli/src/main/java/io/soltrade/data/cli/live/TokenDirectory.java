package io.soltrade.data.cli.live;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.ports.ConfigStore;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens the page names: what the configuration store says of each mint, looked up once by {@link #learn} on a
 * reader thread; {@link #label} only reads what was learnt, so mapping an event never calls a port. A mint the store
 * does not know (or could not answer for) is asked again after {@link #RETRY_UNKNOWN}.
 */
final class TokenDirectory {
    private static final Duration RETRY_UNKNOWN = Duration.ofSeconds(30);

    private final ConfigStore config;
    private final Map<Pubkey, TokenLabel> known = new ConcurrentHashMap<>();
    private final Map<Pubkey, Long> unknownSince = new ConcurrentHashMap<>();

    TokenDirectory(ConfigStore config) {
        this.config = config;
    }

    Optional<TokenLabel> label(Pubkey mint) {
        return Optional.ofNullable(known.get(mint));
    }

    /** Looks up the mints not known yet; a failed lookup leaves the mint unknown (it shows as a shortened mint). */
    void learn(Collection<Pubkey> mints) {
        long now = System.nanoTime();
        for (Pubkey mint : mints) {
            Long since = unknownSince.get(mint);
            if (known.containsKey(mint) || since != null && now - since < RETRY_UNKNOWN.toNanos()) {
                continue;
            }
            unknownSince.put(mint, now);
            config.findToken(mint).ifPresent(token -> {
                known.put(mint, TokenLabel.of(token));
                unknownSince.remove(mint);
            });
        }
    }
}
