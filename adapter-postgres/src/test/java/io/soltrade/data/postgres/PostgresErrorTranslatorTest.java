package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.pool.HikariPool;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.TransientDbException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class PostgresErrorTranslatorTest {

    static Stream<Arguments> sqlStates() {
        return Stream.of(
                // transient: the same idempotent call may succeed later
                Arguments.of("08000", DbErrorKind.CONNECTION),       // connection_exception
                Arguments.of("08001", DbErrorKind.CONNECTION),       // could not connect
                Arguments.of("08003", DbErrorKind.CONNECTION),       // connection_does_not_exist
                Arguments.of("08006", DbErrorKind.CONNECTION),       // connection_failure (socket closed, socket timeout)
                Arguments.of("57P01", DbErrorKind.UNAVAILABLE),      // admin_shutdown (pg_terminate_backend)
                Arguments.of("57P02", DbErrorKind.UNAVAILABLE),      // crash_shutdown
                Arguments.of("57P03", DbErrorKind.UNAVAILABLE),      // cannot_connect_now
                Arguments.of("57014", DbErrorKind.TIMEOUT),          // query_canceled
                Arguments.of("40001", DbErrorKind.SERIALIZATION_CONFLICT),
                Arguments.of("40P01", DbErrorKind.SERIALIZATION_CONFLICT),
                Arguments.of("55P03", DbErrorKind.LOCK_NOT_AVAILABLE),
                Arguments.of("53000", DbErrorKind.UNAVAILABLE),      // insufficient_resources
                Arguments.of("53100", DbErrorKind.UNAVAILABLE),      // disk_full
                Arguments.of("53200", DbErrorKind.UNAVAILABLE),      // out_of_memory
                Arguments.of("53300", DbErrorKind.UNAVAILABLE),      // too_many_connections
                // permanent: retrying cannot help
                Arguments.of("22P02", DbErrorKind.QUERY),            // invalid_text_representation
                Arguments.of("22001", DbErrorKind.QUERY),            // string_data_right_truncation
                Arguments.of("22003", DbErrorKind.QUERY),            // numeric_value_out_of_range
                Arguments.of("23505", DbErrorKind.CONSTRAINT),       // unique_violation
                Arguments.of("23503", DbErrorKind.CONSTRAINT),       // foreign_key_violation
                Arguments.of("23514", DbErrorKind.CONSTRAINT),       // check_violation
                Arguments.of("23502", DbErrorKind.CONSTRAINT),       // not_null_violation
                Arguments.of("42P01", DbErrorKind.QUERY),            // undefined_table
                Arguments.of("42601", DbErrorKind.QUERY),            // syntax_error
                Arguments.of("42501", DbErrorKind.QUERY),            // insufficient_privilege
                Arguments.of("0A000", DbErrorKind.UNSUPPORTED),      // feature_not_supported
                Arguments.of("28000", DbErrorKind.AUTHENTICATION),   // invalid_authorization_specification
                Arguments.of("28P01", DbErrorKind.AUTHENTICATION),   // invalid_password
                Arguments.of("3D000", DbErrorKind.QUERY),            // invalid_catalog_name
                Arguments.of("XX000", DbErrorKind.QUERY),            // internal_error: unknown, never retried blindly
                Arguments.of("P0001", DbErrorKind.QUERY));           // raise_exception
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("sqlStates")
    void mapsEverySqlStateToItsKind(String sqlState, DbErrorKind kind) {
        DbException translated = PostgresErrorTranslator.translate(new SQLException("boom", sqlState), "test");

        assertThat(translated.kind()).isEqualTo(kind);
        assertThat(translated).isInstanceOf(kind.isTransient() ? TransientDbException.class : PermanentDbException.class);
        assertThat(translated.vendorCode()).contains(sqlState);
        assertThat(translated.backend()).isEqualTo("postgres");
        assertThat(translated.getCause()).isInstanceOf(SQLException.class);
        assertThat(translated.getMessage()).startsWith("test failed: boom");
    }

    @Test
    void findsTheSqlStateInsideJooqsException() {
        DataAccessException jooq = new DataAccessException("SQL [insert ...]; ERROR: duplicate key", new PSQLException("dup", PSQLState.UNIQUE_VIOLATION));

        DbException translated = PostgresErrorTranslator.translate(jooq, "insert");

        assertThat(translated.kind()).isEqualTo(DbErrorKind.CONSTRAINT);
        assertThat(translated.vendorCode()).contains("23505");
        assertThat(translated.getCause()).isSameAs(jooq);
    }

    @Test
    void poolTimeoutIsPoolExhausted() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "soltrade-postgres - Connection is not available, request timed out after 250ms (total=20, active=20, idle=0, waiting=31)");

        DbException translated = PostgresErrorTranslator.translate(timeout, "save");

        assertThat(translated).isInstanceOf(TransientDbException.class);
        assertThat(translated.kind()).isEqualTo(DbErrorKind.POOL_EXHAUSTED);
    }

    @Test
    void poolTimeoutBecauseTheServerIsUnreachableIsAConnectionError() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException("request timed out", "08001",
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT));

        assertThat(PostgresErrorTranslator.translate(timeout, "save").kind()).isEqualTo(DbErrorKind.CONNECTION);
    }

    @Test
    void poolThatCouldNotStartCarriesTheDriversState() {
        HikariPool.PoolInitializationException failed = new HikariPool.PoolInitializationException(
                new PSQLException("password authentication failed", PSQLState.INVALID_PASSWORD));

        DbException translated = PostgresErrorTranslator.translate(failed, "connect");

        assertThat(translated.kind()).isEqualTo(DbErrorKind.AUTHENTICATION);
        assertThat(translated.vendorCode()).contains("28P01");
    }

    @Test
    void sqlStateOfANextExceptionCountsWhenTheOuterHasNone() {
        SQLException batch = new SQLException("batch entry 3 failed");
        batch.setNextException(new SQLException("deadlock", "40P01"));

        assertThat(PostgresErrorTranslator.translate(batch, "batch").kind()).isEqualTo(DbErrorKind.SERIALIZATION_CONFLICT);
    }

    @Test
    void anIoFailureWithoutSqlStateIsAConnectionError() {
        assertThat(PostgresErrorTranslator.translate(new IOException("Broken pipe"), "copy").kind()).isEqualTo(DbErrorKind.CONNECTION);
    }

    @Test
    void aSqlExceptionWithoutSqlStateIsAPermanentQueryError() {
        DbException translated = PostgresErrorTranslator.translate(new SQLException("no state"), "query");

        assertThat(translated.kind()).isEqualTo(DbErrorKind.QUERY);
        assertThat(translated.vendorCode()).isEmpty();
    }

    @Test
    void aDbExceptionPassesUnchanged() {
        DbException original = DbException.of(DbErrorKind.VERSION_CONFLICT, "postgres", "stale");

        assertThat(PostgresErrorTranslator.translate(original, "save")).isSameAs(original);
    }

    @Test
    void malformedCodesAreQuery() {
        assertThat(PostgresErrorTranslator.kindOf(null)).isEqualTo(DbErrorKind.QUERY);
        assertThat(PostgresErrorTranslator.kindOf("08")).isEqualTo(DbErrorKind.QUERY);
    }
}
