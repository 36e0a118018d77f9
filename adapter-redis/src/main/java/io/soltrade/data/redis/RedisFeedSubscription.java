package io.soltrade.data.redis;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.FeedSubscription;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.JedisShardedPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One live-feed subscriber: a thread of its own on a connection of its own ({@code SUBSCRIBE} blocks its
 * connection for as long as it lasts, so a pooled one would be lost to the pool). When the connection drops
 * (a Redis restart, a network failure) it reconnects and subscribes again, waiting 50 ms, then twice as long after
 * each failed attempt, up to 2 s; a successful subscription resets the wait. Messages published while it was
 * disconnected are lost (pub/sub is at-most-once); the channel's stream has them. On a Redis Cluster the channel is
 * sharded: the subscriber connects to the master of the channel's slot and sends {@code SSUBSCRIBE}; after a failover
 * it reconnects to the new master the same way.
 *
 * <p>{@link #close()} is a compare-and-set, so of racing closers exactly one unsubscribes and reports the close,
 * and every one of them waits for a listener call in progress to return: once {@code close} returns, the listener is not running
 * and is never called again (a listener that closes its own subscription does not wait for itself).
 */
final class RedisFeedSubscription implements FeedSubscription {
    private static final Logger LOG = LoggerFactory.getLogger(RedisFeedSubscription.class);
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private final RedisConnections connections;
    private final String redisChannel;
    private final StreamEventCodec codec;
    private final Consumer<StreamEvent> listener;
    private final Consumer<RedisFeedSubscription> onClose;
    private final Thread thread;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder subscriptions = new LongAdder();
    private final LongAdder undecodable = new LongAdder();
    private final CountDownLatch firstSubscribed = new CountDownLatch(1);
    private final AtomicReference<Jedis> connection = new AtomicReference<>();
    private final AtomicReference<Listening> pubSub = new AtomicReference<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    /** Held while a command is written to the subscribed connection from another thread (a keep-alive PING, UNSUBSCRIBE). */
    private final Object writes = new Object();
    /** Held while the listener runs; close takes it once to wait out a call in progress. */
    private final ReentrantLock delivery = new ReentrantLock();

    RedisFeedSubscription(RedisConnections connections, String redisChannel, StreamEventCodec codec, Consumer<StreamEvent> listener,
            Consumer<RedisFeedSubscription> onClose) {
        this.connections = connections;
        this.redisChannel = redisChannel;
        this.codec = codec;
        this.listener = listener;
        this.onClose = onClose;
        this.thread = new Thread(this::run, "redis-feed-subscriber-" + redisChannel);
        this.thread.setDaemon(true);
    }

    /** Starts the subscriber; true once Redis confirmed the first subscription, false if not within {@code wait}. */
    boolean start(Duration wait) {
        thread.start();
        try {
            return firstSubscribed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public long delivered() {
        return delivered.sum();
    }

    /** How many times the channel was subscribed: 1, plus one per reconnection. */
    long subscriptions() {
        return subscriptions.sum();
    }

    boolean isSubscribed() {
        Listening current = pubSub.get();
        return current != null && current.isSubscribed();
    }

    /** Idempotent; once it returns the listener is not running and is not called again. */
    @Override
    public void close() {
        boolean first = open.compareAndSet(true, false);
        delivery.lock(); // a call in progress ends first, whoever closes; later messages see the subscription closed
        delivery.unlock();
        if (!first) {
            return;
        }
        Listening current = pubSub.get();
        try {
            synchronized (writes) {
                if (current != null && current.isSubscribed()) {
                    current.unsubscribe();
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("unsubscribe from {} failed", redisChannel, e);
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (thread.isAlive() && Thread.currentThread() != thread) {
            Jedis jedis = connection.get();
            if (jedis != null) {
                jedis.close();
            }
            thread.interrupt();
        }
        onClose.accept(this);
    }

    /**
     * Sends a {@code PING} on the subscribed connection (the live feed calls it every half socket timeout): the
     * connection reads with the socket timeout, so without it a quiet channel's subscriber would time out, reconnect
     * and miss what is published meanwhile; with it, only a connection that stopped answering times out. A failed
     * ping is left to the subscriber thread, which sees the broken connection itself.
     */
    void keepAlive() {
        Listening current = pubSub.get();
        if (!open.get() || current == null) {
            return;
        }
        try {
            synchronized (writes) {
                if (current.isSubscribed()) {
                    current.ping();
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("keep-alive ping on {} failed", redisChannel, e);
        }
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (open.get()) {
            Listening current = null;
            try (Jedis jedis = connections.dedicatedConnection(redisChannel)) {
                connection.set(jedis);
                current = connections.clustered() ? new ShardedListener() : new Listener();
                pubSub.set(current);
                if (!open.get()) {
                    return;
                }
                current.listen(jedis);
                if (current.confirmed()) {
                    backoff = FIRST_BACKOFF_MILLIS;
                }
            } catch (JedisException | DbException e) {
                if (!open.get()) {
                    return;
                }
                if (current != null && current.confirmed()) {
                    backoff = FIRST_BACKOFF_MILLIS; // it was subscribed: a new failure, not one more failed attempt
                }
                LOG.warn("subscription to {} lost ({}); resubscribing in {} ms", redisChannel, e.getMessage(), backoff);
            } finally {
                connection.set(null);
            }
            if (!open.get()) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    /** A subscription in progress, plain ({@code SUBSCRIBE}) or sharded ({@code SSUBSCRIBE}). */
    private interface Listening {
        /** Subscribes on {@code jedis} and delivers messages until unsubscribed or the connection drops. */
        void listen(Jedis jedis);

        boolean confirmed();

        /** Sends a {@code PING} on the subscribed connection; its reply comes back through the subscription. */
        void ping();

        boolean isSubscribed();

        void unsubscribe();
    }

    private void subscribed() {
        subscriptions.increment();
        firstSubscribed.countDown();
    }

    private void received(String message) {
        if (!open.get()) {
            return;
        }
        StreamEvent event;
        try {
            event = codec.decode(message);
        } catch (RuntimeException e) {
            undecodable.increment();
            LOG.warn("ignoring a message on {} that is not a stream event: {}", redisChannel, e.getMessage());
            return;
        }
        delivery.lock();
        try {
            if (!open.get()) {
                return;
            }
            delivered.increment();
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("live-feed listener on {} failed", redisChannel, e);
        } finally {
            delivery.unlock();
        }
    }

    private final class Listener extends JedisPubSub implements Listening {
        volatile boolean confirmed;

        @Override
        public void listen(Jedis jedis) {
            jedis.subscribe(this, redisChannel);
        }

        @Override
        public boolean confirmed() {
            return confirmed;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            confirmed = true;
            subscribed();
        }

        @Override
        public void onMessage(String channel, String message) {
            received(message);
        }
    }

    private final class ShardedListener extends JedisShardedPubSub implements Listening {
        volatile boolean confirmed;

        @Override
        public void listen(Jedis jedis) {
            proceed(jedis.getConnection(), redisChannel);
        }

        @Override
        public boolean confirmed() {
            return confirmed;
        }

        @Override
        public void unsubscribe() {
            sunsubscribe();
        }

        /**
         * Nothing: Jedis's sharded pub/sub has no PING, and its reader rejects a PONG it did not ask for, so a quiet
         * sharded subscriber still times out its read and resubscribes (its backoff restarting at 50 ms).
         */
        @Override
        public void ping() {
        }

        @Override
        public void onSSubscribe(String channel, int subscribedChannels) {
            confirmed = true;
            subscribed();
        }

        @Override
        public void onSMessage(String channel, String message) {
            received(message);
        }
    }
}
