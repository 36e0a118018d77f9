package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.OnChainTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.TxSignature;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TradeCopyEncoderTest {

    @Test
    void writesOneRowInColumnOrderWithExactValues() throws SQLException {
        TxSignature signature = TxSignature.ofBytes(new byte[64]);
        Pubkey in = Pubkey.ofBytes(new byte[32]);
        byte[] outBytes = new byte[32];
        outBytes[0] = 1;
        Pubkey out = Pubkey.ofBytes(outBytes);
        Trade trade = new Trade(new OnChainTradeId(signature, 3), Instant.parse("2025-03-04T05:06:07.000089Z"), TraderId.of("t-1"),
                TradingMode.LIVE, TradeSide.BUY, in, out, TokenAmount.of(5), TokenAmount.MAX, TokenAmount.ZERO,
                new BigDecimal("0.000000000000000001"), 12, MevStatus.SANDWICHED, io.soltrade.data.domain.Commitment.CONFIRMED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CopyTextBuffer buffer = new CopyTextBuffer(4_096, bytes::write);

        TradeCopyEncoder.encode(trade, buffer);
        buffer.flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\t",
                signature.base58() + ":3", "2025-03-04T05:06:07.000089Z", "t-1", "LIVE", "BUY", in.base58(), out.base58(),
                "5", "18446744073709551615", "0", "0.000000000000000001", "12", "SANDWICHED", "CONFIRMED") + "\n");
    }

    @Test
    void theCopyStatementNamesTheEncodersColumnsInOrder() {
        String columns = TradeCopyEncoder.COLUMNS.stream().map(column -> column.getName()).collect(Collectors.joining(", "));

        assertThat(TradeRows.COPY_INTO_STAGING.replace("\n", " ")).isEqualTo("COPY trade_staging (" + columns + ") FROM STDIN");
    }

    @Test
    void theGeneratedColumnsAreNeverWritten() {
        assertThat(TradeCopyEncoder.COLUMNS).extracting(column -> column.getName()).doesNotContain("token", "quote");
    }
}
