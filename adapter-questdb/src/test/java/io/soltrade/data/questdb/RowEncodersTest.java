package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each encoder writes its table's columns, symbols first, amounts exactly, at the value's own time. */
class RowEncodersTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456Z");

    private static RecordingRowSink.Row encode(Object value) {
        RecordingRowSink sink = new RecordingRowSink();
        if (value instanceof Trade trade) {
            TradeRowEncoder.INSTANCE.encode(trade, sink);
        } else if (value instanceof Position position) {
            PositionRowEncoder.INSTANCE.encode(position, sink);
        } else if (value instanceof MetricPoint point) {
            MetricRowEncoder.INSTANCE.encode(point, sink);
        } else {
            MevEventRowEncoder.INSTANCE.encode((MevEvent) value, sink);
        }
        assertThat(sink.rows).hasSize(1);
        return sink.rows.get(0);
    }

    @Test
    void aTradeKeepsTheFullU64RangeAndItsExactPrice() {
        Trade trade = TestRows.liveTrade(TestRows.pubkey(), AT, TokenAmount.of(new java.math.BigInteger("9223372036854775808")),
                new BigDecimal("12345678901234567890.123456789012345678"));

        RecordingRowSink.Row row = encode(trade);

        assertThat(row.table()).isEqualTo("trades");
        assertThat(row.at()).isEqualTo(AT);
        assertThat(row.symbols()).containsEntry("trader", trade.trader().value()).containsEntry("mode", "LIVE")
                .containsEntry("side", "SELL").containsEntry("token", trade.token().base58()).containsEntry("mev_status", "PROTECTED")
                .containsEntry("commitment", "FINALIZED").containsEntry("quote", trade.quote().base58())
                .containsEntry("id_bucket", TradeRowEncoder.bucket(trade.id().naturalKey()));
        assertThat(row.columns())
                .containsEntry("trade_id", trade.id().naturalKey())
                .containsEntry("amount_in", new BigDecimal("9223372036854775808"))
                .containsEntry("amount_out", new BigDecimal("18446744073709551615"))
                .containsEntry("fee", new BigDecimal("9223372036854775807"))
                .containsEntry("price", new BigDecimal("12345678901234567890.123456789012345678"))
                .containsEntry("slot", 312_000_000L);
    }

    @Test
    void aPositionIsKeyedByTraderModeTokenQuoteAndTime() {
        Position position = TestRows.position(TestRows.trader(), TestRows.pubkey(), new BigDecimal("-2.5"), AT);

        RecordingRowSink.Row row = encode(position);

        assertThat(row.table()).isEqualTo("positions");
        assertThat(row.symbols()).containsOnlyKeys("trader", "mode", "token", "quote");
        assertThat(row.symbols()).containsEntry("quote", position.quote().base58());
        assertThat(row.columns()).containsEntry("quantity", new BigDecimal("-2.5"))
                .containsEntry("realized_pnl", new BigDecimal("-0.000000000000000001")).containsEntry("fill_count", 7L);
        assertThat(row.at()).isEqualTo(AT);
    }

    @Test
    void theIdBucketIsTheMd5PrefixQuestDbComputes() {
        // md5("paper:abc") = 9e84e44a8dc2019b36b8193d9a8c7693 (coreutils md5sum and QuestDB's md5() agree)
        assertThat(TradeRowEncoder.bucket("paper:abc")).isEqualTo("9e84");
    }

    @Test
    void aPositionsDayEndIsItsDayAtMidnightWithItsOwnTime() {
        Position position = TestRows.position(TestRows.trader(), TestRows.pubkey(), BigDecimal.ONE, AT);
        RecordingRowSink sink = new RecordingRowSink();
        PositionDayRowEncoder.INSTANCE.encode(position, sink);

        RecordingRowSink.Row row = sink.rows.get(0);
        assertThat(row.table()).isEqualTo("position_days");
        assertThat(row.at()).isEqualTo(AT.truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        assertThat(row.columns()).containsEntry("updated_at", AT).containsEntry("fill_count", 7L);
        assertThat(row.symbols()).containsOnlyKeys("trader", "mode", "token", "quote");
    }

    @Test
    void aMetricStoresItsCanonicalLabelsJson() {
        MetricPoint point = TestRows.metric("rpc.latency", Map.of("zone", "eu \"west\"", "node", "rpc-1"), 12.5, AT);

        RecordingRowSink.Row row = encode(point);

        assertThat(row.symbols()).containsEntry("name", "rpc.latency");
        assertThat(row.columns()).containsEntry("labels", "{\"node\":\"rpc-1\",\"zone\":\"eu \\\"west\\\"\"}").containsEntry("value", 12.5);
    }

    @Test
    void aMevEventWithoutVictimLeavesTheSignatureOut() {
        MevEvent avoided = TestRows.mevEvent(MevOutcome.AVOIDED, AT);
        MevEvent sandwiched = TestRows.mevEvent(MevOutcome.SANDWICHED, AT);

        assertThat(encode(avoided).columns()).doesNotContainKey("victim_signature").containsEntry("event_id", avoided.id().toString());
        assertThat(encode(sandwiched).columns()).containsEntry("victim_signature", sandwiched.victimSignature().orElseThrow().base58())
                .containsEntry("actual_loss", new BigDecimal("9223372036854775808"));
    }
}
