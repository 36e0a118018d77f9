package io.soltrade.data.redis;

import io.soltrade.data.ports.DbException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * How the live feed puts its messages on Redis: message {@code i} on channel {@code i}, all in one round trip,
 * returning once Redis took them all. The feed decides what to send and when; this is only the transport.
 */
@FunctionalInterface
interface FeedSender {

    /** Sends {@code messages.get(i)} on {@code channels.get(i)}; throws {@link DbException} when Redis did not take them. */
    void send(List<String> channels, List<String> messages);

    /**
     * {@code PUBLISH} on the command pool ({@code SPUBLISH} on a cluster, where a channel lives on the master of its
     * slot: sharded pub/sub): one command for one message, one pipeline for more. Never repeated (a lost reply would
     * send twice). Bounded like every pooled call: the pool's wait for a connection and the socket timeout.
     */
    static FeedSender redis(RedisConnections connections) {
        return (channels, messages) -> {
            if (channels.size() == 1) {
                connections.once("live feed publish", new Publish(channels.get(0), messages.get(0)));
                return;
            }
            connections.pipelinedOnce("live feed publish", pipeline -> {
                List<Response<Long>> replies = new ArrayList<>(channels.size());
                for (int i = 0; i < channels.size(); i++) {
                    replies.add(pipeline instanceof ClusterPipeline shardedPipeline
                            ? shardedPipeline.spublish(channels.get(i), messages.get(i))
                            : pipeline.publish(channels.get(i), messages.get(i)));
                }
                pipeline.sync();
                return replies.size();
            });
        };
    }

    /**
     * One message's {@code PUBLISH} ({@code SPUBLISH} on a cluster). A record rather than a capturing lambda, for the
     * reason {@code RedisLiveFeed.NewLatest} gives: a lambda made on every send is slow in code a 10 Hz feed runs too
     * rarely for the JIT to compile.
     */
    record Publish(String channel, String message) implements Function<UnifiedJedis, Long> {
        @Override
        public Long apply(UnifiedJedis client) {
            return client instanceof RedisClusterClient cluster ? cluster.spublish(channel, message) : client.publish(channel, message);
        }
    }
}
