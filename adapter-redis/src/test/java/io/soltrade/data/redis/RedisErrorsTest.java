package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.TransientDbException;
import java.net.SocketTimeoutException;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

class RedisErrorsTest {

    @Test
    void aLostConnectionIsTransient() {
        DbException e = RedisErrors.translate("get", new JedisConnectionException("Unexpected end of stream."));

        assertThat(e).isInstanceOf(TransientDbException.class).hasMessage("get failed: Unexpected end of stream.");
        assertThat(e.kind()).isEqualTo(DbErrorKind.CONNECTION);
        assertThat(e.backend()).isEqualTo("redis");
        assertThat(e.getCause()).isInstanceOf(JedisConnectionException.class);
    }

    @Test
    void aReadTimeoutIsATransientTimeout() {
        DbException e = RedisErrors.translate("get", new JedisConnectionException(new SocketTimeoutException("Read timed out")));

        assertThat(e.kind()).isEqualTo(DbErrorKind.TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BUSY Redis is busy running a script", "LOADING Redis is loading the dataset in memory", "TRYAGAIN Multiple keys request during rehashing",
            "MASTERDOWN Link with MASTER is down", "CLUSTERDOWN The cluster is down", "READONLY You can't write against a read only replica.",
            "OOM command not allowed when used memory > 'maxmemory'."})
    void repliesOfAServerThatCannotServeYetAreTransient(String reply) {
        DbException e = RedisErrors.translate("put", new JedisDataException(reply));

        assertThat(e).isInstanceOf(TransientDbException.class);
        assertThat(e.kind()).isEqualTo(DbErrorKind.UNAVAILABLE);
        assertThat(e.vendorCode()).contains(reply.substring(0, reply.indexOf(' ')));
    }

    @Test
    void otherErrorRepliesArePermanentWithTheirCode() {
        DbException wrongType = RedisErrors.translate("put", new JedisDataException("WRONGTYPE Operation against a key holding the wrong kind of value"));
        DbException noGroup = RedisErrors.translate("read", new JedisDataException("NOGROUP No such key 'x' or consumer group 'g'"));
        DbException plain = RedisErrors.translate("read", new JedisDataException("ERR syntax error"));

        assertThat(wrongType).isInstanceOf(PermanentDbException.class);
        assertThat(wrongType.kind()).isEqualTo(DbErrorKind.QUERY);
        assertThat(wrongType.vendorCode()).contains("WRONGTYPE");
        assertThat(noGroup.kind()).isEqualTo(DbErrorKind.NOT_FOUND);
        assertThat(plain.kind()).isEqualTo(DbErrorKind.QUERY);
        assertThat(plain.vendorCode()).contains("ERR");
    }

    @Test
    void authenticationFailuresArePermanent() {
        assertThat(RedisErrors.translate("ping", new JedisAccessControlException("WRONGPASS invalid username-password pair")).kind())
                .isEqualTo(DbErrorKind.AUTHENTICATION);
        assertThat(RedisErrors.translate("ping", new JedisDataException("NOAUTH Authentication required.")).kind()).isEqualTo(DbErrorKind.AUTHENTICATION);
    }

    @Test
    void anExhaustedPoolIsTransientAndAClosedOneIsPermanent() {
        DbException exhausted = RedisErrors.translate("get", new JedisException("Could not get a resource from the pool", new NoSuchElementException("Timeout waiting for idle object")));
        DbException closed = RedisErrors.translate("get", new JedisException("Could not get a resource from the pool", new IllegalStateException("Pool not open")));

        assertThat(exhausted.kind()).isEqualTo(DbErrorKind.POOL_EXHAUSTED);
        assertThat(exhausted).isInstanceOf(TransientDbException.class);
        assertThat(closed.kind()).isEqualTo(DbErrorKind.CLOSED);
    }

    @Test
    void errorCodeIsTheReplysFirstWordInCapitals() {
        assertThat(RedisErrors.errorCode("BUSYGROUP Consumer Group name already exists")).isEqualTo("BUSYGROUP");
        assertThat(RedisErrors.errorCode("no code here")).isNull();
        assertThat(RedisErrors.errorCode(null)).isNull();
    }
}
