package io.soltrade.data.ports;

/** Where a new consumer group starts reading. */
public enum GroupStart {
    /** Every entry still in the stream. */
    BEGINNING,
    /** Only entries published after the group was created. */
    NEW_ONLY
}
