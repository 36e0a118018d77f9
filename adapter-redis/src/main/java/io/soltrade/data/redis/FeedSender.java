package io.soltrade.data.redis;

import io.soltrade.data.ports.DbException;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;

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
                String channel = channels.get(0);
                String message = messages.get(0);
                connections.once("live feed publish", client -> client instanceof RedisClusterClient cluster
                        ? cluster.spublish(channel, message) : client.publish(channel, message));
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
}
