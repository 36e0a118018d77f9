package io.soltrade.data.questdb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The QuestDB endpoints of an ILP configuration with several {@code addr=} entries, and the one in use. Writes go
 * to one endpoint at a time and stay there until a request to it fails; the batch writer's next attempt then goes
 * to the next endpoint in the list (round robin), which is also what the reads follow ({@link #onSwitch}).
 *
 * <p>Why not the ILP client's own failover: questdb-client moves to the next address only inside its own retry loop
 * (a failed flush with {@code retry_timeout} left; at connect it probes the next address only while
 * {@code retry_timeout} lasts). The batch writer is the one retrier of its layer ({@code retry_timeout=0}), so each
 * endpoint gets a client configuration of its own with one {@code addr}, and this class does the moving on.
 *
 * <p>Addresses are {@code addr=host:port} entries, repeated ({@code addr=a:9000;addr=b:9000;}) or comma-separated
 * ({@code addr=a:9000,b:9000;}), as the client accepts them. Thread-safe.
 */
final class QuestDbEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(QuestDbEndpoints.class);

    private final List<String> addresses;
    private final List<String> clientConfigurations;
    private final AtomicInteger current = new AtomicInteger();
    private final List<IntConsumer> listeners = new CopyOnWriteArrayList<>();

    private QuestDbEndpoints(List<String> addresses, List<String> clientConfigurations) {
        this.addresses = List.copyOf(addresses);
        this.clientConfigurations = List.copyOf(clientConfigurations);
    }

    /** The endpoints of {@code clientConfiguration} ({@code http::addr=...;...}); every other key is kept for each. */
    static QuestDbEndpoints of(String clientConfiguration) {
        int schemaEnd = clientConfiguration.indexOf("::");
        if (schemaEnd < 0) {
            throw new IllegalArgumentException("questdb setting ilpConfig has no '<schema>::' prefix");
        }
        String schema = clientConfiguration.substring(0, schemaEnd + 2);
        List<String> addresses = new ArrayList<>();
        StringBuilder others = new StringBuilder();
        for (String entry : entries(clientConfiguration.substring(schemaEnd + 2))) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("addr=")) {
                for (String address : trimmed.substring("addr=".length()).split(",")) {
                    if (!address.isBlank()) {
                        addresses.add(address.strip());
                    }
                }
            } else {
                others.append(entry).append(';');
            }
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("questdb setting ilpConfig names no addr=host:port");
        }
        List<String> configurations = new ArrayList<>();
        for (String address : addresses) {
            configurations.add(schema + "addr=" + address + ";" + others);
        }
        return new QuestDbEndpoints(addresses, configurations);
    }

    /** The {@code key=value} entries of a client configuration: split at ';', where ';;' is an escaped ';' kept as is. */
    private static List<String> entries(String body) {
        List<String> entries = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == ';' && i + 1 < body.length() && body.charAt(i + 1) == ';') {
                entry.append(";;");
                i++;
            } else if (c == ';') {
                entries.add(entry.toString());
                entry.setLength(0);
            } else {
                entry.append(c);
            }
        }
        entries.add(entry.toString());
        return entries;
    }

    int size() {
        return addresses.size();
    }

    /** The index of the endpoint in use. */
    int current() {
        return current.get();
    }

    String address(int index) {
        return addresses.get(index);
    }

    /** The client configuration for the endpoint at {@code index}: the original with only its own {@code addr}. */
    String clientConfiguration(int index) {
        return clientConfigurations.get(index);
    }

    /**
     * A request to the endpoint at {@code failed} failed: the next attempt goes to the next endpoint. Only the first
     * report of a failure of the endpoint in use moves on (a late report of an older one changes nothing).
     */
    void failed(int failed) {
        if (addresses.size() < 2) {
            return;
        }
        int next = (failed + 1) % addresses.size();
        if (current.compareAndSet(failed, next)) {
            LOG.warn("questdb endpoint {} failed; writes and reads move to {}", addresses.get(failed), addresses.get(next));
            for (IntConsumer listener : listeners) {
                listener.accept(next);
            }
        }
    }

    /** Calls {@code listener} with the new index each time the endpoint in use changes. */
    void onSwitch(IntConsumer listener) {
        listeners.add(listener);
    }

    @Override
    public String toString() {
        return "QuestDbEndpoints" + addresses + " in use: " + addresses.get(current.get());
    }
}
