package io.soltrade.data.redis;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.net.SocketTimeoutException;
import java.util.NoSuchElementException;
import java.util.Set;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisRedirectionException;

/**
 * Translates Jedis exceptions into the ports' taxonomy. The split follows Jedis's own: a connection failure
 * ({@link JedisConnectionException}) may pass, an error reply ({@link JedisDataException}) is the server saying
 * no and will not, except the replies Redis sends while it cannot serve <em>yet</em> (loading its data set, busy
 * running a script, failing over, out of memory), which are transient. The reply's first word (its error code,
 * e.g. {@code WRONGTYPE}) becomes the vendor code.
 */
final class RedisErrors {
    static final String BACKEND = "redis";

    /** Error codes Redis replies with while it is temporarily unable to serve. */
    private static final Set<String> TRANSIENT_REPLIES = Set.of(
            "BUSY", "LOADING", "TRYAGAIN", "MASTERDOWN", "CLUSTERDOWN", "READONLY", "OOM", "NOSCRIPT", "UNBLOCKED", "NOREPLICAS");
    private static final Set<String> AUTHENTICATION_REPLIES = Set.of("NOAUTH", "WRONGPASS", "NOPERM");

    private RedisErrors() {}

    static DbException translate(String operation, JedisException e) {
        String message = operation + " failed: " + e.getMessage();
        if (e instanceof JedisConnectionException) {
            DbErrorKind kind = causedBy(e, SocketTimeoutException.class) ? DbErrorKind.TIMEOUT : DbErrorKind.CONNECTION;
            return DbException.of(kind, BACKEND, message, null, e);
        }
        if (e instanceof JedisDataException) {
            String code = errorCode(e.getMessage());
            if (e instanceof JedisRedirectionException) {
                return DbException.of(DbErrorKind.UNAVAILABLE, BACKEND, message, code, e);
            }
            if (e instanceof JedisAccessControlException || AUTHENTICATION_REPLIES.contains(code)) {
                return DbException.of(DbErrorKind.AUTHENTICATION, BACKEND, message, code, e);
            }
            if (TRANSIENT_REPLIES.contains(code)) {
                return DbException.of(DbErrorKind.UNAVAILABLE, BACKEND, message, code, e);
            }
            if ("NOGROUP".equals(code)) {
                return DbException.of(DbErrorKind.NOT_FOUND, BACKEND, message, code, e);
            }
            return DbException.of(DbErrorKind.QUERY, BACKEND, message, code, e);
        }
        if (causedBy(e, NoSuchElementException.class)) {
            return DbException.of(DbErrorKind.POOL_EXHAUSTED, BACKEND, message, null, e);
        }
        if (causedBy(e, IllegalStateException.class)) {
            return DbException.of(DbErrorKind.CLOSED, BACKEND, message, null, e);
        }
        if (e.getCause() instanceof JedisException cause) {
            return translate(operation, cause);
        }
        return DbException.of(DbErrorKind.CONNECTION, BACKEND, message, null, e);
    }

    /** The reply's error code: its first word when that is all capitals ({@code WRONGTYPE}, {@code BUSYGROUP}). */
    static String errorCode(String reply) {
        if (reply == null || reply.isEmpty()) {
            return null;
        }
        int space = reply.indexOf(' ');
        String word = space < 0 ? reply : reply.substring(0, space);
        return word.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c == '_') ? word : null;
    }

    static boolean isNoScript(JedisException e) {
        return e instanceof JedisDataException && "NOSCRIPT".equals(errorCode(e.getMessage()));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
