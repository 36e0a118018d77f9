package io.soltrade.data.redis;

/**
 * How {@code XADD} keeps a stream at its cap. Exact trimming guarantees the length never passes the cap;
 * approximate trimming ({@code MAXLEN ~}) lets Redis drop whole radix-tree nodes only, which is cheaper per
 * append but lets the length run past the cap by up to a node (about 100 entries).
 */
public enum StreamTrimming {
    EXACT("="),
    APPROXIMATE("~");

    private final String operator;

    StreamTrimming(String operator) {
        this.operator = operator;
    }

    /** The {@code MAXLEN} operator: {@code =} or {@code ~}. */
    String operator() {
        return operator;
    }
}
