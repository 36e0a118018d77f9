package io.soltrade.data.bench.scenario;

import io.questdb.client.Sender;
import io.questdb.client.std.Decimal256;
import io.soltrade.data.domain.Trade;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The raw side of the QuestDB scenarios: a trade as one ILP row of {@code bench_raw_trades}, written straight to a
 * {@link Sender} with the same columns and types as the adapter's row encoder (symbols, among them the commitment,
 * the quote token and the id's bucket, the first 4 hex digits of its MD5; a varchar id, u64 amounts as binary decimals,
 * the price as a decimal, the slot, the execution time in microseconds). Not thread-safe, like the sender: one per
 * thread.
 */
final class RawIlpTrades {
    static final String TABLE = "bench_raw_trades";
    private static final HexFormat HEX = HexFormat.of();
    private final Decimal256 scratch = new Decimal256();

    void append(Sender sender, Trade trade) {
        String id = trade.id().naturalKey();
        sender.table(TABLE)
                .symbol("trader", trade.trader().value())
                .symbol("mode", trade.mode().name())
                .symbol("side", trade.side().name())
                .symbol("token", trade.token().base58())
                .symbol("token_in", trade.tokenIn().base58())
                .symbol("token_out", trade.tokenOut().base58())
                .symbol("mev_status", trade.mevStatus().name())
                .symbol("commitment", trade.commitment().name())
                .symbol("quote", trade.quote().base58())
                .symbol("id_bucket", bucket(id))
                .stringColumn("trade_id", id);
        sender.decimalColumn("amount_in", unsigned(trade.amountIn().unsignedBits()));
        sender.decimalColumn("amount_out", unsigned(trade.amountOut().unsignedBits()));
        sender.decimalColumn("fee", unsigned(trade.fee().unsignedBits()));
        sender.decimalColumn("price", Decimal256.fromBigDecimal(trade.price()));
        sender.longColumn("slot", trade.slot());
        sender.at(micros(trade.executedAt()), ChronoUnit.MICROS);
    }

    private static String bucket(String id) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // not String.format: its format parsing was half of this side's encoding CPU (JFR, 2026-12-04), a cost the
            // adapter's encoder does not pay and a user writing to the Sender would not either
            return HEX.formatHex(digest, 0, 2);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }

    private Decimal256 unsigned(long bits) {
        scratch.of(0L, 0L, 0L, bits, 0);
        return scratch;
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}
