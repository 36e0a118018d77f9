package io.soltrade.data.app.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration that cannot start the data layer: an unknown key, a missing or mistyped value, an adapter
 * that does not exist. Thrown at start-up, never at first use, and always names the key. A configuration with
 * several faults is reported with all of them at once ({@link #problems()}), so fixing one never just uncovers the
 * next.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<ConfigurationException> problems;

    public ConfigurationException(String key, String problem) {
        this(key, problem, null);
    }

    public ConfigurationException(String key, String problem, Throwable cause) {
        super(Objects.requireNonNull(key, "key is null") + ": " + Objects.requireNonNull(problem, "problem is null"), cause);
        this.key = key;
        this.problems = List.of(this);
    }

    private ConfigurationException(List<ConfigurationException> problems) {
        super(problems.get(0).getMessage() + "; and " + (problems.size() - 1) + " more: "
                + String.join("; ", problems.subList(1, problems.size()).stream().map(Throwable::getMessage).toList()), problems.get(0));
        this.key = problems.get(0).key();
        this.problems = List.copyOf(problems);
    }

    /** One exception for every fault in {@code problems} (at least one), in the order found. */
    static ConfigurationException of(List<ConfigurationException> problems) {
        List<ConfigurationException> flat = problems.stream().flatMap(problem -> problem.problems().stream()).toList();
        if (flat.isEmpty()) {
            throw new IllegalArgumentException("no problem to report");
        }
        return flat.size() == 1 ? flat.get(0) : new ConfigurationException(flat);
    }

    /** The configuration key at fault (the first one when there are several), e.g. {@code soltrade.adapters.trades}. */
    public String key() {
        return key;
    }

    /** Every fault found, each naming its key: this exception alone when there is one. */
    public List<ConfigurationException> problems() {
        return problems;
    }
}
