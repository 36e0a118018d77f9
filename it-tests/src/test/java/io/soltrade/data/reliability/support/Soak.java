package io.soltrade.data.reliability.support;

/**
 * The opt-in soak switch: {@code -Dsoak=true} (Maven passes it to the test JVMs) makes the load and fault tests run
 * far longer. Default runs stay within the CI budget.
 */
public final class Soak {
    private Soak() {}

    public static boolean enabled() {
        return Boolean.getBoolean("soak");
    }

    /** {@code normal} in a default run, {@code soak} with {@code -Dsoak=true}. */
    public static int pick(int normal, int soak) {
        return enabled() ? soak : normal;
    }
}
