package io.soltrade.data.postgres;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a write waits for before it is acknowledged, as PostgreSQL's {@code synchronous_commit} names it, for this
 * layer's sessions on the primary. Streaming replication is asynchronous unless the primary names synchronous
 * standbys ({@code synchronous_standby_names}): with {@link #SERVER_DEFAULT} a write the primary acknowledged and
 * had not yet sent when it crashed is lost if a replica is promoted. Every other value waits for a synchronous
 * standby, so a promoted synchronous standby holds every acknowledged write; the adapter refuses to start with one
 * of them when the primary names no synchronous standby (the wait would silently be local only).
 *
 * <p>The price: while no synchronous standby answers, commits wait (bounded by the socket timeout, after which the
 * caller gets a transient error for a write that did commit on the primary, as with any lost acknowledgement).
 */
public enum PostgresSynchronousCommit {
    /** The server's setting; by default the commit is flushed on the primary and sent to replicas afterwards. */
    SERVER_DEFAULT(null),
    /** {@code remote_write}: a synchronous standby has received the commit (not yet flushed to its disk). */
    REMOTE_WRITE("SET synchronous_commit = remote_write"),
    /** {@code on}: a synchronous standby has flushed the commit to disk. */
    ON("SET synchronous_commit = on"),
    /** {@code remote_apply}: a synchronous standby has applied the commit, so reads there see it at once. */
    REMOTE_APPLY("SET synchronous_commit = remote_apply");

    private final String sessionStatement;

    PostgresSynchronousCommit(String sessionStatement) {
        this.sessionStatement = sessionStatement;
    }

    /** The statement every new primary session runs to set it, or empty to keep the server's setting. */
    Optional<String> sessionStatement() {
        return Optional.ofNullable(sessionStatement);
    }

    /** Whether this value only means something when the primary names a synchronous standby. */
    boolean needsSynchronousStandby() {
        return sessionStatement != null;
    }

    /**
     * Fails (permanently, naming the setting) when this value needs a synchronous standby and the primary behind
     * {@code pool} names none, so a commit would wait for the primary's disk alone.
     */
    void requireStandbyOf(PostgresConnectionPool pool) {
        if (!needsSynchronousStandby()) {
            return;
        }
        String standbys;
        try (Connection connection = pool.connection();
                PreparedStatement statement = connection.prepareStatement("SELECT current_setting('synchronous_standby_names')");
                ResultSet result = statement.executeQuery()) {
            result.next();
            standbys = result.getString(1);
        } catch (SQLException e) {
            throw PostgresErrorTranslator.translate(e, "read synchronous_standby_names");
        }
        if (standbys == null || standbys.isBlank()) {
            throw DbException.of(DbErrorKind.UNSUPPORTED, PostgresErrorTranslator.BACKEND, "postgres.synchronousCommit=" + this
                    + " waits for a synchronous standby, but the primary names none (synchronous_standby_names is empty):"
                    + " set it on the primary, or use " + SERVER_DEFAULT);
        }
    }
}
