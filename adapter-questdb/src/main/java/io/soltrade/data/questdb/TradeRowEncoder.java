package io.soltrade.data.questdb;

import io.soltrade.data.domain.Trade;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A trade as one row of {@code trades}; the designated timestamp is the execution time. {@code id_bucket} is the
 * first 4 hex digits of {@code md5(trade_id)}, the same value QuestDB's {@code left(md5(trade_id), 4)} gives (the
 * V002 migration fills old rows with it), so the indexed bucket finds an id's rows in any partition.
 */
enum TradeRowEncoder implements RowEncoder<Trade> {
    INSTANCE;

    static final String TABLE = "trades";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public void encode(Trade trade, RowSink sink) {
        String id = trade.id().naturalKey();
        sink.table(TABLE)
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
                .varchar("trade_id", id)
                .unsignedDecimal("amount_in", trade.amountIn().unsignedBits())
                .unsignedDecimal("amount_out", trade.amountOut().unsignedBits())
                .unsignedDecimal("fee", trade.fee().unsignedBits())
                .decimal("price", trade.price())
                .longColumn("slot", trade.slot())
                .at(trade.executedAt());
    }

    /** The first 4 lowercase hex digits of the MD5 of the id's UTF-8 bytes: one of 65,536 buckets. */
    static String bucket(String naturalKey) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(naturalKey.getBytes(StandardCharsets.UTF_8));
            return new String(new char[] {HEX[(digest[0] >> 4) & 0xF], HEX[digest[0] & 0xF], HEX[(digest[1] >> 4) & 0xF], HEX[digest[1] & 0xF]});
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }
}
