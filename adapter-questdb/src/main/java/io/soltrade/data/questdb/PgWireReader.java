package io.soltrade.data.questdb;

import io.soltrade.data.ports.DbException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs the named queries of {@code /questdb/queries.sql} over PG wire with bound parameters, after the
 * {@link WalReadBarrier} of the table they read, and translates every driver exception. The barrier waits without
 * a connection; the query borrows one only once the rows it must see are visible. Every read is bounded by the
 * pool's socket timeout ({@code readTimeout}).
 */
final class PgWireReader {
    static final String QUERIES = "/questdb/queries.sql";

    private final DataSource dataSource;
    private final WalReadBarrier barrier;
    private final Map<String, String> queries;

    @FunctionalInterface
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    PgWireReader(DataSource dataSource, java.time.Duration visibilityTimeout) {
        this.dataSource = dataSource;
        this.queries = SqlResource.named(QUERIES);
        this.barrier = new WalReadBarrier(this::walStatus, visibilityTimeout);
    }

    /** One status read of a table's WAL, on a connection borrowed for just that query. */
    private Optional<WalReadBarrier.WalStatus> walStatus(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query("wal.status"))) {
            statement.setString(1, table);
            try (ResultSet status = statement.executeQuery()) {
                if (!status.next()) {
                    return Optional.empty();
                }
                return Optional.of(new WalReadBarrier.WalStatus(status.getBoolean(1), status.getLong(2), status.getLong(3), status.getString(4)));
            }
        }
    }

    String query(String name) {
        String query = queries.get(name);
        if (query == null) {
            throw new IllegalStateException("no query '" + name + "' in " + QUERIES);
        }
        return query;
    }

    <T> List<T> list(String table, String queryName, Parameters parameters, RowMapper<T> mapper) {
        return run(table, queryName, parameters, mapper);
    }

    /**
     * Runs a query on what the tables have applied, without waiting for acknowledged writes to be applied: for a
     * caller that accounts for its own unapplied writes (the trade intake keeps the ids it wrote until they are).
     */
    <T> List<T> listApplied(String queryName, Parameters parameters, RowMapper<T> mapper) {
        return run(null, queryName, parameters, mapper);
    }

    private <T> List<T> run(String barrierTable, String queryName, Parameters parameters, RowMapper<T> mapper) {
        String sql = query(queryName);
        if (barrierTable != null) {
            try {
                barrier.await(barrierTable);
            } catch (SQLException e) {
                throw QuestDbExceptionTranslator.translate(e, queryName + " (waiting for acknowledged writes to become visible)");
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                    return result;
                }
            }
        } catch (SQLException e) {
            throw QuestDbExceptionTranslator.translate(e, queryName);
        } catch (RuntimeException e) {
            if (e instanceof DbException db) {
                throw db;
            }
            throw DbException.of(io.soltrade.data.ports.DbErrorKind.ENCODING, QuestDbExceptionTranslator.BACKEND,
                    queryName + ": a stored row could not be read back: " + e.getMessage(), null, e);
        }
    }

    static void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant timestamp(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value.toInstant(ZoneOffset.UTC);
    }
}
