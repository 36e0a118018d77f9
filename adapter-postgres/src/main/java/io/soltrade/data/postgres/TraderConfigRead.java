package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.TRADER_CONFIG;

import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The read of one trader's configuration by id: the hot read of the configuration store (a host may read it for
 * every trade). jOOQ renders its SELECT once, for the configured schema, with one bind parameter; each read runs that
 * text as a JDBC {@link PreparedStatement} on the unit of work's connection (pgjdbc keeps it prepared per connection)
 * and maps the columns straight into a {@link TraderConfig}.
 *
 * <p>Why not jOOQ per call: profiled with JFR under 50 concurrent readers (docs/bench.md), rendering the query took
 * about a third of the adapter's CPU per read and jOOQ's execute, cursor and record mapping another third, six times
 * the client CPU of the same SELECT by plain pgjdbc; on a small machine that CPU is taken from the server. The SQL text
 * still comes from jOOQ's generated table (no SQL is written by hand) and the value is bound.
 */
final class TraderConfigRead {
    private final String sql;

    TraderConfigRead(DSLContext renderer) {
        this.sql = renderer.render(renderer.select(TraderConfigRows.COLUMNS).from(TRADER_CONFIG)
                .where(TRADER_CONFIG.TRADER_ID.eq(DSL.param("trader", SQLDataType.CLOB))));
    }

    /** The stored configuration of {@code trader}, read on {@code scope}'s connection. */
    Optional<TraderConfig> find(TransactionScope scope, TraderId trader) {
        try (PreparedStatement statement = scope.connection().prepareStatement(sql)) {
            statement.setString(1, trader.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(TraderConfigRows.toConfig(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading the trader config of " + trader + " failed: " + e.getMessage(), e);
        }
    }

    /** The SQL text each read runs (for tests). */
    String sql() {
        return sql;
    }
}
