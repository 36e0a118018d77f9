package io.soltrade.data.redis.testing;

import static org.awaitility.Awaitility.await;

import io.soltrade.data.redis.RedisSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A Redis Cluster of real {@code redis-server} processes ({@link PrivateRedisServer}s: free loopback ports, no
 * persistence, a temporary directory each for its {@code nodes.conf}), built the way {@code redis-cli --cluster create}
 * builds one, with the cluster commands themselves (so any {@code redis-server} binary will do): the 16,384 slots split
 * evenly over the masters ({@code CLUSTER ADDSLOTS}), the nodes introduced to each other ({@code CLUSTER MEET}), each
 * replica attached to its master ({@code CLUSTER REPLICATE}). It returns once every node reports {@code cluster_state:ok}
 * and every replica is in sync.
 *
 * <p>Node timeout 1 s, so a killed master is failed over in about 2 s; {@code cluster-replica-validity-factor 0}, so a
 * replica always may take over. {@link #shared()} is a 3-master cluster started once per JVM for the contract kits;
 * tests that kill nodes start their own and close it.
 */
public final class TestingRedisCluster implements AutoCloseable {
    private static final Duration FORM_TIMEOUT = Duration.ofSeconds(60);
    private static final int SLOTS = 16_384;
    private static TestingRedisCluster shared;

    private final List<PrivateRedisServer> masters;
    private final List<PrivateRedisServer> replicas;
    private final Path directory;

    private TestingRedisCluster(List<PrivateRedisServer> masters, List<PrivateRedisServer> replicas, Path directory) {
        this.masters = masters;
        this.replicas = replicas;
        this.directory = directory;
    }

    /** A 3-master cluster without replicas, started on first use and kept for the JVM's life. */
    public static synchronized TestingRedisCluster shared() {
        if (shared == null) {
            shared = start(3, 0);
            TestingRedisCluster started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "redis-cluster-shutdown"));
        }
        return shared;
    }

    /** Starts {@code masterCount} masters with {@code replicasPerMaster} replicas each; close it to stop them all. */
    public static TestingRedisCluster start(int masterCount, int replicasPerMaster) {
        Path directory;
        try {
            directory = Files.createTempDirectory("soltrade-redis-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the cluster", e);
        }
        List<PrivateRedisServer> masters = new ArrayList<>();
        List<PrivateRedisServer> replicas = new ArrayList<>();
        TestingRedisCluster cluster = new TestingRedisCluster(masters, replicas, directory);
        try {
            for (int i = 0; i < masterCount; i++) {
                masters.add(node(directory, "master-" + i));
            }
            for (int i = 0; i < masterCount * replicasPerMaster; i++) {
                replicas.add(node(directory, "replica-" + i));
            }
            cluster.form(replicasPerMaster);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static PrivateRedisServer node(Path directory, String name) {
        Path dir = directory.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return PrivateRedisServer.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--dir", dir.toString(),
                "--cluster-node-timeout", "1000", "--cluster-replica-validity-factor", "0");
    }

    private void form(int replicasPerMaster) {
        for (int i = 0; i < masters.size(); i++) {
            int from = i * SLOTS / masters.size();
            int to = (i + 1) * SLOTS / masters.size();
            try (Jedis jedis = connect(masters.get(i).port())) {
                jedis.clusterAddSlots(IntStream.range(from, to).toArray());
            }
        }
        List<PrivateRedisServer> all = Stream.concat(masters.stream(), replicas.stream()).toList();
        try (Jedis first = connect(all.get(0).port())) {
            for (PrivateRedisServer node : all.subList(1, all.size())) {
                first.clusterMeet("127.0.0.1", node.port());
            }
        }
        await("every node to know the " + all.size() + " nodes").atMost(FORM_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> all.stream()
                .allMatch(node -> info(node.port(), "cluster_known_nodes").equals(Integer.toString(all.size()))));
        for (int i = 0; i < replicas.size(); i++) {
            PrivateRedisServer master = masters.get(i / replicasPerMaster);
            String masterId;
            try (Jedis jedis = connect(master.port())) {
                masterId = jedis.clusterMyId();
            }
            try (Jedis jedis = connect(replicas.get(i).port())) {
                jedis.clusterReplicate(masterId);
            }
        }
        await("cluster_state:ok on every node").atMost(FORM_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> all.stream().allMatch(node -> info(node.port(), "cluster_state").equals("ok")));
        await("every replica in sync").atMost(FORM_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> replicas.stream().allMatch(replica -> {
            try (Jedis jedis = connect(replica.port())) {
                return jedis.info("replication").contains("master_link_status:up");
            }
        }));
        await("every node to see all slots served").atMost(FORM_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> all.stream().allMatch(node -> info(node.port(), "cluster_slots_ok").equals(Integer.toString(SLOTS))));
    }

    /** The seed nodes as {@code soltrade.redis.cluster-nodes} takes them: every master, {@code host:port,...}. */
    public String clusterNodes() {
        return masters.stream().map(master -> "127.0.0.1:" + master.port()).collect(Collectors.joining(","));
    }

    public List<PrivateRedisServer> masters() {
        return List.copyOf(masters);
    }

    public List<PrivateRedisServer> replicas() {
        return List.copyOf(replicas);
    }

    /** The port of the master that serves {@code key}'s slot now, as {@code CLUSTER NODES} on a live node tells it. */
    public int portServing(String key) {
        int slot = JedisClusterCRC16.getSlot(key);
        for (PrivateRedisServer node : Stream.concat(masters.stream(), replicas.stream()).toList()) {
            String nodes;
            try (Jedis jedis = connect(node.port())) {
                nodes = jedis.clusterNodes();
            } catch (RuntimeException e) {
                continue; // a killed node: ask the next
            }
            for (String line : nodes.split("\r?\n")) {
                String[] fields = line.trim().split(" ");
                if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
                    continue;
                }
                for (int f = 8; f < fields.length; f++) {
                    String[] range = fields[f].split("-");
                    if (range[0].startsWith("[")) {
                        continue;
                    }
                    int from = Integer.parseInt(range[0]);
                    int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
                    if (slot >= from && slot <= to) {
                        String address = fields[1].split("@")[0];
                        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
                    }
                }
            }
        }
        throw new IllegalStateException("no live master serves slot " + slot + " of " + key);
    }

    /**
     * The key prefix {@code name} (a test that needs keys to fall in known slots names it; on a cluster of its own, or
     * one used once per JVM, it is as fresh as a random one); closing it deletes its keys on every master.
     */
    public Namespace namespace(String name) {
        return new Namespace(name);
    }

    /** A fresh key prefix; closing it deletes its keys on every master. */
    public Namespace freshNamespace() {
        return new Namespace("c-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** A connection to one node (not cluster-aware: it answers for that node's slots only). */
    public static Jedis connect(int port) {
        return new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder().connectionTimeoutMillis(2_000).socketTimeoutMillis(5_000).build());
    }

    private static String info(int port, String field) {
        try (Jedis jedis = connect(port)) {
            for (String line : jedis.clusterInfo().split("\r?\n")) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1).trim();
                }
            }
            return "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        Stream.concat(masters.stream(), replicas.stream()).forEach(PrivateRedisServer::close);
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the directory is in the temp dir: leaving it is harmless
        }
    }

    /** A test class's key prefix on this cluster. */
    public final class Namespace implements AutoCloseable {
        private final String name;

        private Namespace(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** Settings for this cluster and namespace, to adjust before {@code build()}. */
        public RedisSettings.Builder settings() {
            return RedisSettings.builder().clusterNodes(clusterNodes()).namespace(name);
        }

        /** This namespace's keys on each live master, by the master's port. */
        public Map<Integer, List<String>> keysByMaster() {
            Map<Integer, List<String>> found = new LinkedHashMap<>();
            for (PrivateRedisServer node : Stream.concat(masters.stream(), replicas.stream()).toList()) {
                try (Jedis jedis = connect(node.port())) {
                    if (!jedis.info("replication").contains("role:master")) {
                        continue;
                    }
                    List<String> keys = new ArrayList<>();
                    String cursor = ScanParams.SCAN_POINTER_START;
                    do {
                        ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(name + ":*").count(1_000));
                        keys.addAll(page.getResult());
                        cursor = page.getCursor();
                    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
                    found.put(node.port(), keys);
                } catch (RuntimeException e) {
                    // a killed node holds nothing anyone can read
                }
            }
            return found;
        }

        /** Every key of this namespace on the cluster. */
        public List<String> keys() {
            return keysByMaster().values().stream().flatMap(List::stream).toList();
        }

        @Override
        public void close() {
            keysByMaster().forEach((port, keys) -> {
                try (Jedis jedis = connect(port)) {
                    keys.forEach(jedis::unlink);
                } catch (RuntimeException e) {
                    // the node went away meanwhile
                }
            });
        }
    }
}
