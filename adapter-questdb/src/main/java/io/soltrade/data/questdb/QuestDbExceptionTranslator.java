package io.soltrade.data.questdb;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns what pgjdbc and HikariCP throw while talking to QuestDB into a {@link DbException}, keeping the
 * driver exception as the cause and the SQLSTATE as the vendor code. QuestDB's PG wire reports most errors
 * with SQLSTATE 00000, so the class of the state decides only where it is meaningful.
 */
final class QuestDbExceptionTranslator {
    static final String BACKEND = "questdb";

    private QuestDbExceptionTranslator() {}

    static DbException translate(SQLException e, String operation) {
        String state = e.getSQLState();
        String message = operation + " failed: " + e.getMessage();
        return DbException.of(kind(e, state), BACKEND, message, state, e);
    }

    private static DbErrorKind kind(SQLException e, String state) {
        if (e instanceof SQLTransientConnectionException) {
            return DbErrorKind.POOL_EXHAUSTED;
        }
        if (state == null) {
            return DbErrorKind.CONNECTION;
        }
        if (state.startsWith("08")) {
            return DbErrorKind.CONNECTION;
        }
        if (state.startsWith("57") || state.startsWith("53")) {
            return DbErrorKind.UNAVAILABLE;
        }
        if (state.equals("28P01") || state.startsWith("28")) {
            return DbErrorKind.AUTHENTICATION;
        }
        if (state.startsWith("22")) {
            return DbErrorKind.ENCODING;
        }
        if (state.startsWith("23")) {
            return DbErrorKind.CONSTRAINT;
        }
        return DbErrorKind.QUERY;
    }
}
