package io.soltrade.data.ports;

/** What a set-if-newer cache write did. */
public enum PutOutcome {
    /** The value was stored (there was none, or the stored one was older). */
    STORED,
    /** A newer (or equally new) value was already cached; nothing changed. */
    KEPT_NEWER
}
