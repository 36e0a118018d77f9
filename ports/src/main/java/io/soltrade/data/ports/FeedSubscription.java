package io.soltrade.data.ports;

/** A live-feed subscription; closing it stops delivery. */
public interface FeedSubscription extends AutoCloseable {

    /** Messages delivered to the listener so far. */
    long delivered();

    @Override
    void close();
}
