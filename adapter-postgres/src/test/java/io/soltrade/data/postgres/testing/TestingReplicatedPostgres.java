package io.soltrade.data.postgres.testing;

import static org.awaitility.Awaitility.await;

import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.PostgresSslMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and one streaming replica of it, private to a test, started from the server binaries on this
 * machine ({@code initdb}, {@code pg_ctl}, {@code pg_basebackup -R}): found in {@code SOLTRADE_PG_BIN}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin}, else on the PATH. Each server listens on a free loopback port
 * ({@code listen_addresses = 127.0.0.1}, unix sockets in the fixture's temporary directory) and runs with
 * {@code fsync = off} and small buffers, so a pair starts in about two seconds. The machine's own cluster (5432) is
 * never touched.
 *
 * <p>PostgreSQL refuses to run as root; when this JVM is root (as in CI), every server command runs as the
 * {@code postgres} OS user ({@code runuser}) and the temporary directory belongs to it.
 *
 * <p>{@link #close()} (or JVM exit, if the test never closes it) stops both servers and deletes their directories.
 * The drills stop, crash and promote the servers: see {@link #stopPrimary()}, {@link #crashPrimary()},
 * {@link #promoteReplica()}, {@link #detachReplica()}, {@link #pauseReplay()}.
 */
public final class TestingReplicatedPostgres implements AutoCloseable {
    public static final String BIN_VARIABLE = "SOLTRADE_PG_BIN";
    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CONDITION_TIMEOUT = Duration.ofSeconds(60);
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    /** How the primary ships its log to the replica. */
    public enum Replication {
        /** The default: a commit is acknowledged once flushed on the primary; the replica receives it afterwards. */
        ASYNCHRONOUS,
        /** {@code synchronous_standby_names = '*'}: a commit waits for the replica (how long, the session's {@code synchronous_commit} says). */
        SYNCHRONOUS
    }

    private final Path root;
    private final Path bin;
    private final boolean asRoot;
    private final Node primary;
    private final Node replica;
    private final Thread shutdownHook;
    private boolean closed;

    private record Node(String name, Path dataDirectory, int port, Path log) {
        String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
        }
    }

    private TestingReplicatedPostgres(Path root, Path bin, boolean asRoot) {
        this.root = root;
        this.bin = bin;
        this.asRoot = asRoot;
        int[] ports = freePorts(2);
        this.primary = new Node("primary", root.resolve("primary"), ports[0], root.resolve("primary.log"));
        this.replica = new Node("replica", root.resolve("replica"), ports[1], root.resolve("replica.log"));
        this.shutdownHook = new Thread(this::stopAndDelete, "replicated-postgres-stop");
    }

    /** A primary and a streaming replica, replication asynchronous. */
    public static TestingReplicatedPostgres start() {
        return start(Replication.ASYNCHRONOUS);
    }

    public static TestingReplicatedPostgres start(Replication replication) {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        Path root;
        try {
            root = Files.createTempDirectory("soltrade-pg-replication-");
            if (asRoot) {
                UserPrincipal owner = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
                Files.setOwner(root, owner);
            }
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a directory owned by the '" + SUPERUSER + "' OS user for the servers", e);
        }
        TestingReplicatedPostgres servers = new TestingReplicatedPostgres(root, binaries(), asRoot);
        Runtime.getRuntime().addShutdownHook(servers.shutdownHook);
        try {
            servers.initPrimary();
            servers.cloneReplica();
            if (replication == Replication.SYNCHRONOUS) {
                servers.makeReplicationSynchronous();
            }
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
        return servers;
    }

    private void initPrimary() {
        run(bin.resolve("initdb").toString(), "-D", primary.dataDirectory().toString(), "-U", SUPERUSER, "-A", "trust", "--no-sync",
                "-E", "UTF8", "--locale=C");
        append(primary.dataDirectory().resolve("postgresql.conf"), String.join("\n",
                "listen_addresses = '127.0.0.1'",
                "port = " + primary.port(),
                "unix_socket_directories = '" + root + "'",
                "fsync = off",
                "full_page_writes = off",
                "shared_buffers = 16MB",
                "max_connections = 120",
                "wal_keep_size = 256MB",
                "wal_sender_timeout = 5s",
                "wal_receiver_timeout = 5s",
                "wal_retrieve_retry_interval = 200ms",
                ""));
        pgCtl(primary, "start");
    }

    private void cloneReplica() {
        run(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(primary.port()), "-U", SUPERUSER,
                "-D", replica.dataDirectory().toString(), "-R", "-X", "stream", "-c", "fast", "--no-sync");
        append(replica.dataDirectory().resolve("postgresql.auto.conf"), "port = " + replica.port() + "\n");
        pgCtl(replica, "start");
        awaitCondition("the replica streaming from the primary", primary, "SELECT count(*) = 1 FROM pg_stat_replication WHERE state = 'streaming'");
    }

    private void makeReplicationSynchronous() {
        execute(primary, "ALTER SYSTEM SET synchronous_standby_names = '*'");
        execute(primary, "SELECT pg_reload_conf()");
        awaitCondition("the replica to be a synchronous standby", primary, "SELECT count(*) = 1 FROM pg_stat_replication WHERE sync_state = 'sync'");
    }

    // ---- where the servers are

    public int primaryPort() {
        return primary.port();
    }

    public int replicaPort() {
        return replica.port();
    }

    public String primaryUrl() {
        return primary.url();
    }

    public String replicaUrl() {
        return replica.url();
    }

    /** Both servers, the primary first: with {@code targetServerType=primary} (the adapter's default) it follows a promotion. */
    public String failoverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + replica.port() + "/" + DATABASE;
    }

    /** Both servers, the replica first: with {@code targetServerType=preferSecondary} reads go to the replica while it is up. */
    public String readUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replica.port() + ",127.0.0.1:" + primary.port() + "/" + DATABASE;
    }

    public String user() {
        return SUPERUSER;
    }

    /**
     * Adapter settings: writes through {@link #failoverUrl()}, reads that may lag through {@link #readUrl()}, in
     * {@code schema}, with short timeouts so a drill moves on quickly.
     */
    public PostgresSettings.Builder settings(String schema, int poolSize) {
        return PostgresSettings.builder(failoverUrl(), SUPERUSER)
                .schema(schema)
                .maxPoolSize(poolSize)
                .readUrl(readUrl())
                .readPoolSize(poolSize)
                .sslMode(PostgresSslMode.DISABLE)
                .connectTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .poolTimeout(Duration.ofSeconds(5));
    }

    /** A plain connection to the primary, outside any pool. */
    public Connection connectToPrimary() throws SQLException {
        return connect(primary);
    }

    /** A plain connection to the replica (read-only while it is a standby), outside any pool. */
    public Connection connectToReplica() throws SQLException {
        return connect(replica);
    }

    /** CPU time the primary's processes (postmaster and children) have used so far, from {@code /proc} (Linux). */
    public Duration primaryCpuTime() {
        return cpuTime(primary);
    }

    /** CPU time the replica's processes (postmaster and children) have used so far, from {@code /proc} (Linux). */
    public Duration replicaCpuTime() {
        return cpuTime(replica);
    }

    private static Duration cpuTime(Node node) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(node.dataDirectory().resolve("postmaster.pid")).get(0).trim());
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    String stat;
                    try {
                        stat = Files.readString(process.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    // After the command name in parentheses: state ppid ... utime(14th field) stime(15th)
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
            }
            return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of the " + node.name(), e);
        }
    }

    // ---- what the drills do to them

    /** Waits until the replica has replayed everything the primary has written so far. */
    public void awaitReplicaCaughtUp() {
        String target = queryString(primary, "SELECT pg_current_wal_lsn()::text");
        awaitCondition("the replica to replay up to " + target, replica, "SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn", target);
    }

    /** Stops applying the log on the replica (it still receives it): its reads see the data as it was. */
    public void pauseReplay() {
        execute(replica, "SELECT pg_wal_replay_pause()");
        awaitCondition("replay to pause", replica, "SELECT pg_get_wal_replay_pause_state() = 'paused'");
    }

    public void resumeReplay() {
        execute(replica, "SELECT pg_wal_replay_resume()");
    }

    /**
     * Cuts the replica off its primary (an empty {@code primary_conninfo}, reloaded): from now on the primary
     * acknowledges commits the replica never receives (with asynchronous replication), as in a network partition.
     */
    public void detachReplica() {
        execute(replica, "ALTER SYSTEM SET primary_conninfo = ''");
        execute(replica, "SELECT pg_reload_conf()");
        awaitCondition("the replica's WAL receiver to stop", replica, "SELECT count(*) = 0 FROM pg_stat_wal_receiver");
        awaitCondition("the primary to have no standby", primary, "SELECT count(*) = 0 FROM pg_stat_replication");
    }

    /** A clean shutdown ({@code pg_ctl stop -m fast}): the primary sends its last WAL to the connected replica first. */
    public void stopPrimary() {
        pgCtl(primary, "stop", "-m", "fast");
    }

    /** As a crash would: {@code pg_ctl stop -m immediate}, no checkpoint, nothing more sent to the replica. */
    public void crashPrimary() {
        pgCtl(primary, "stop", "-m", "immediate");
    }

    public void stopReplica() {
        pgCtl(replica, "stop", "-m", "fast");
    }

    public void startReplica() {
        pgCtl(replica, "start");
    }

    /** {@code SELECT pg_promote()} on the replica: it leaves recovery and accepts writes. */
    public void promoteReplica() {
        if (!"t".equals(queryString(replica, "SELECT pg_promote(true, 60)"))) {
            throw new IllegalStateException("pg_promote() did not promote the replica within 60 s; see " + replica.log());
        }
    }

    // ---- plumbing

    private static Path binaries() {
        String configured = System.getenv(BIN_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return requireBinaries(Path.of(configured));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                List<Path> candidates = versions.map(version -> version.resolve("bin"))
                        .filter(candidate -> Files.isExecutable(candidate.resolve("pg_basebackup")) && Files.isExecutable(candidate.resolve("initdb")))
                        .sorted(Comparator.comparing(TestingReplicatedPostgres::majorVersion).reversed())
                        .toList();
                if (!candidates.isEmpty()) {
                    return candidates.get(0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory);
            if (Files.isExecutable(candidate.resolve("pg_basebackup")) && Files.isExecutable(candidate.resolve("initdb"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) in $" + BIN_VARIABLE
                + ", /usr/lib/postgresql/<version>/bin or the PATH: install them (Debian: apt-get install postgresql) or set " + BIN_VARIABLE);
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Path requireBinaries(Path directory) {
        for (String tool : List.of("initdb", "pg_ctl", "pg_basebackup", "postgres")) {
            if (!Files.isExecutable(directory.resolve(tool))) {
                throw new IllegalStateException("$" + BIN_VARIABLE + "=" + directory + " has no executable " + tool);
            }
        }
        return directory;
    }

    private void pgCtl(Node node, String action, String... options) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", node.dataDirectory().toString(), "-l",
                node.log().toString(), "-w", "-t", "60", action));
        command.addAll(List.of(options));
        run(command.toArray(String[]::new));
    }

    /** Runs a server command, as the {@code postgres} OS user when this JVM is root; fails with its output and the logs. */
    private void run(String... command) {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        full.addAll(List.of(command));
        Path output = root.resolve("command.out");
        try {
            Process process = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + COMMAND_TIMEOUT + ": " + String.join(" ", full) + diagnostics(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", full) + diagnostics(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", full), e);
        }
    }

    private String diagnostics(Path output) {
        return "\n--- output\n" + tail(output) + "\n--- primary log\n" + tail(primary.log()) + "\n--- replica log\n" + tail(replica.log());
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "(none)";
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() > 3_000 ? text.substring(text.length() - 3_000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, "\n" + text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    private static Connection connect(Node node) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "90");
        properties.setProperty("sslmode", "disable");
        properties.setProperty("ApplicationName", "soltrade-data-tests");
        return DriverManager.getConnection(node.url(), properties);
    }

    private static void execute(Node node, String sql) {
        try (Connection connection = connect(node); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(node.name() + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String queryString(Node node, String sql, String... parameters) {
        try (Connection connection = connect(node); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(node.name() + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void awaitCondition(String what, Node node, String sql, String... parameters) {
        await(what).atMost(CONDITION_TIMEOUT).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .until(() -> "t".equals(queryString(node, sql, parameters)));
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // only held to pick distinct free ports
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or about to; it finds the servers stopped
        }
    }

    private synchronized void stopAndDelete() {
        if (closed) {
            return;
        }
        closed = true;
        for (Node node : List.of(replica, primary)) {
            if (Files.exists(node.dataDirectory().resolve("postmaster.pid"))) {
                try {
                    pgCtl(node, "stop", "-m", "immediate");
                } catch (RuntimeException ignored) {
                    // already stopped, or it will not stop: deleting its directory is all that is left to do
                }
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    @Override
    public String toString() {
        return "TestingReplicatedPostgres[primary=127.0.0.1:" + primary.port() + ", replica=127.0.0.1:" + replica.port() + ", " + root + "]";
    }
}
