package io.soltrade.data.bench.scenario;

import io.soltrade.data.domain.Trade;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The raw side of the COPY scenario: pgjdbc's {@code CopyManager} streaming a batch of trades as COPY text rows
 * straight into {@code raw_trades}, with the value forms the adapter writes (natural key, ISO-8601 instant, u64
 * amounts as unsigned decimals, plain-decimal price), on an auto-commit connection.
 */
final class RawTradeCopy {
    private static final int BUFFER_BYTES = 256 * 1024;

    private RawTradeCopy() {
    }

    static void copy(Connection connection, List<Trade> trades) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(BenchSql.named("postgres.raw-copy"));
        try {
            StringBuilder rows = new StringBuilder(BUFFER_BYTES);
            for (Trade trade : trades) {
                rows.append(trade.id().naturalKey()).append('\t')
                        .append(trade.executedAt()).append('\t')
                        .append(trade.trader().value()).append('\t')
                        .append(trade.mode().name()).append('\t')
                        .append(trade.side().name()).append('\t')
                        .append(trade.tokenIn().base58()).append('\t')
                        .append(trade.tokenOut().base58()).append('\t')
                        .append(trade.amountIn()).append('\t')
                        .append(trade.amountOut()).append('\t')
                        .append(trade.fee()).append('\t')
                        .append(trade.price().toPlainString()).append('\t')
                        .append(trade.slot()).append('\t')
                        .append(trade.mevStatus().name()).append('\n');
                if (rows.length() >= BUFFER_BYTES) {
                    write(copy, rows);
                }
            }
            write(copy, rows);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }
}
