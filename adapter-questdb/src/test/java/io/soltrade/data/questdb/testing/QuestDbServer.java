package io.soltrade.data.questdb.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A QuestDB server for tests and development: a child JVM started from the {@code org.questdb:questdb} jar
 * on the classpath, with its own temporary root and a {@code conf/server.conf} that binds every endpoint to
 * 127.0.0.1 on free ports, turns telemetry and UDP ingestion off and keeps worker counts and memory small
 * for a 2-core machine. {@link #start()} returns once HTTP, ILP (HTTP and TCP) and PG wire all answer.
 *
 * <p>When {@code SOLTRADE_QUESTDB_ILP} and {@code SOLTRADE_QUESTDB_PG_URL} are set, no process is started
 * and the named server is used instead ({@link #isExternal()}); the fault operations {@link #kill()} and
 * {@link #restart()} then throw, so fault tests should skip on an external server.
 *
 * <p>Fault tests use {@link #kill()} ({@code kill -9}) and {@link #restart()} on the same root and ports.
 * {@link #close()} stops the server gracefully and deletes its root. The child halts by itself if this JVM
 * dies (see {@link QuestDbChildMain}). Thread-safe.
 */
public final class QuestDbServer implements AutoCloseable {
    public static final String ILP_ENV = "SOLTRADE_QUESTDB_ILP";
    public static final String PG_URL_ENV = "SOLTRADE_QUESTDB_PG_URL";
    public static final String PG_USER_ENV = "SOLTRADE_QUESTDB_PG_USER";
    public static final String PG_PASSWORD_ENV = "SOLTRADE_QUESTDB_PG_PASSWORD";

    private static final String DEFAULT_USER = "admin";
    private static final String DEFAULT_PASSWORD = "quest";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;

    private static QuestDbServer shared;

    private final Path root;
    private final Ports ports;
    private final String ilpConfig;
    private final String pgUrl;
    private final String pgUser;
    private final String pgPassword;
    private Process process;
    private boolean closed;

    private QuestDbServer(Path root, Ports ports, String ilpConfig, String pgUrl, String pgUser, String pgPassword) {
        this.root = root;
        this.ports = ports;
        this.ilpConfig = ilpConfig;
        this.pgUrl = pgUrl;
        this.pgUser = pgUser;
        this.pgPassword = pgPassword;
    }

    /**
     * One server per JVM, started on first use and stopped at JVM exit: integration test classes share it
     * and isolate themselves by fresh random keys.
     */
    public static synchronized QuestDbServer shared() {
        if (shared == null) {
            QuestDbServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "questdb-server-stop"));
            shared = server;
        }
        return shared;
    }

    /** The server named by the environment, or else a new child process on a fresh root. */
    public static QuestDbServer start() {
        String ilp = System.getenv(ILP_ENV);
        String pg = System.getenv(PG_URL_ENV);
        if (ilp != null && !ilp.isBlank() && pg != null && !pg.isBlank()) {
            String user = System.getenv().getOrDefault(PG_USER_ENV, DEFAULT_USER);
            String password = System.getenv().getOrDefault(PG_PASSWORD_ENV, DEFAULT_PASSWORD);
            QuestDbServer external = new QuestDbServer(null, null, ilp, pg, user, password);
            external.awaitPgWire(Duration.ofSeconds(10), null);
            return external;
        }
        return launch();
    }

    /** Always starts a new child process on a fresh temporary root, whatever the environment says. */
    public static QuestDbServer launch() {
        Path root;
        try {
            root = Files.createTempDirectory("questdb-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            Ports ports = Ports.free();
            QuestDbServer server = new QuestDbServer(root, ports, "http::addr=127.0.0.1:" + ports.http + ";",
                    "jdbc:postgresql://127.0.0.1:" + ports.pg + "/qdb", DEFAULT_USER, DEFAULT_PASSWORD);
            try {
                server.startProcess();
                return server;
            } catch (IllegalStateException e) {
                // another process may have taken a port between probing and binding: try fresh ports
                server.killProcess();
                failure = e;
            }
        }
        deleteRecursively(root);
        throw failure;
    }

    /** ILP client configuration over HTTP, e.g. {@code http::addr=127.0.0.1:9000;}. */
    public String ilpConfig() {
        return ilpConfig;
    }

    /** ILP client configuration over TCP (for transport comparisons; TCP reports no errors). */
    public String ilpTcpConfig() {
        requireLaunched("ilpTcpConfig");
        return "tcp::addr=127.0.0.1:" + ports.ilpTcp + ";";
    }

    public String pgUrl() {
        return pgUrl;
    }

    public String pgUser() {
        return pgUser;
    }

    public String pgPassword() {
        return pgPassword;
    }

    /** True when this is a server named by the environment rather than a child process of this JVM. */
    public boolean isExternal() {
        return root == null;
    }

    public Path root() {
        requireLaunched("root");
        return root;
    }

    public int httpPort() {
        requireLaunched("httpPort");
        return ports.http;
    }

    /** {@code kill -9}: the process gets no chance to flush or close anything. */
    public synchronized void kill() {
        requireLaunched("kill");
        killProcess();
    }

    /**
     * SIGSTOP: the server keeps every socket open and connected but answers nothing, as a machine that swaps to a
     * halt would. {@link #thaw()} lets it carry on; {@link #close()} and {@link #kill()} work on a frozen server.
     */
    public synchronized void freeze() {
        requireLaunched("freeze");
        signal("-STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public synchronized void thaw() {
        requireLaunched("thaw");
        signal("-CONT");
    }

    private void signal(String signal) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("QuestDB is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill " + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal, e);
        }
    }

    /** Starts the server again on the same root and ports (after {@link #kill()} or {@link #stop()}). */
    public synchronized void restart() {
        requireLaunched("restart");
        if (closed) {
            throw new IllegalStateException("server is closed");
        }
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("server is running; kill() or stop() it first");
        }
        startProcess();
    }

    /** Graceful stop (SIGTERM, QuestDB closes its tables), forced after a minute. Keeps the root. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            signal("-CONT"); // a frozen server cannot act on SIGTERM
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                killProcess();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killProcess();
        }
        process = null;
    }

    public synchronized boolean isRunning() {
        return isExternal() || process != null && process.isAlive();
    }

    /** Stops the server and deletes its root. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed || isExternal()) {
            closed = true;
            return;
        }
        closed = true;
        stop();
        deleteRecursively(root);
    }

    @Override
    public String toString() {
        return isExternal() ? "QuestDbServer[external " + ilpConfig + "]" : "QuestDbServer[" + root + ", " + ports + "]";
    }

    private void startProcess() {
        try {
            writeConfiguration();
            Path log = root.resolve("questdb.log");
            ProcessBuilder builder = new ProcessBuilder(command())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            process = builder.start();
            awaitReady(log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start QuestDB in " + root, e);
        }
    }

    private List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = codeSource(QuestDbChildMain.class) + File.pathSeparator + codeSource(io.questdb.ServerMain.class);
        return List.of(java,
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-cp", classpath,
                QuestDbChildMain.class.getName(), "-d", root.toString());
    }

    private void writeConfiguration() throws IOException {
        Path conf = Files.createDirectories(root.resolve("conf"));
        String loopback = "127.0.0.1:";
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("telemetry.enabled", "false");
        settings.put("http.net.bind.to", loopback + ports.http);
        settings.put("http.min.enabled", "true");
        settings.put("http.min.net.bind.to", loopback + ports.minHttp);
        settings.put("pg.net.bind.to", loopback + ports.pg);
        settings.put("line.tcp.enabled", "true");
        settings.put("line.tcp.net.bind.to", loopback + ports.ilpTcp);
        settings.put("line.udp.enabled", "false");
        settings.put("metrics.enabled", "false");
        // a 2-core machine shared with other builds: few threads, bounded native memory
        settings.put("shared.worker.count", "2");
        settings.put("http.worker.count", "1");
        settings.put("pg.worker.count", "1");
        settings.put("line.tcp.io.worker.count", "1");
        settings.put("line.tcp.writer.worker.count", "1");
        settings.put("wal.apply.worker.count", "1");
        settings.put("ram.usage.limit.bytes", String.valueOf(2L << 30));
        settings.put("cairo.o3.column.memory.size", "1M");
        settings.put("cairo.wal.writer.data.append.page.size", "256k");
        settings.put("http.query.cache.enabled", "false");
        settings.put("pg.select.cache.enabled", "false");
        StringBuilder text = new StringBuilder("# written by io.soltrade.data.questdb.testing.QuestDbServer\n");
        settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(conf.resolve("server.conf"), text, StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("log.conf"), """
                writers=stdout
                w.stdout.class=io.questdb.log.LogConsoleWriter
                w.stdout.level=ERROR,CRITICAL,ADVISORY
                """, StandardCharsets.UTF_8);
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        boolean httpReady = false;
        boolean ilpTcpReady = false;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("QuestDB exited with " + process.exitValue() + " while starting:\n" + tail(log));
            }
            httpReady = httpReady || answers(http, "/ping", 204) && answers(http, "/exec?query=select%201", 200);
            ilpTcpReady = ilpTcpReady || accepts(ports.ilpTcp);
            if (httpReady && ilpTcpReady) {
                awaitPgWire(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), log);
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new IllegalStateException("QuestDB did not answer within " + START_TIMEOUT + " (http=" + httpReady + ", ilp tcp=" + ilpTcpReady + "):\n" + tail(log));
    }

    private void awaitPgWire(Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        do {
            try (Connection connection = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
                 Statement statement = connection.createStatement()) {
                statement.execute("select 1");
                return;
            } catch (SQLException e) {
                last = e;
            }
            if (process != null && !process.isAlive()) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("QuestDB PG wire at " + pgUrl + " did not answer: " + last + (log == null ? "" : "\n" + tail(log)), last);
    }

    private boolean answers(HttpClient http, String path, int status) {
        try {
            HttpRequest request = HttpRequest.newBuilder(new URI("http://127.0.0.1:" + ports.http + path))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status;
        } catch (IOException | URISyntaxException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for QuestDB", e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void killProcess() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void requireLaunched(String operation) {
        if (isExternal()) {
            throw new UnsupportedOperationException(operation + " needs a launched server; this one is external (" + ILP_ENV + ")");
        }
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the jar or directory of " + type.getName(), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void deleteRecursively(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is not worth failing a test run for
        }
    }

    /** The four loopback ports a launched server binds, probed free just before start. */
    private record Ports(int http, int minHttp, int pg, int ilpTcp) {
        static Ports free() {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    sockets.add(socket);
                }
                return new Ports(sockets.get(0).getLocalPort(), sockets.get(1).getLocalPort(),
                        sockets.get(2).getLocalPort(), sockets.get(3).getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port", e);
            } finally {
                for (ServerSocket socket : sockets) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing a probe socket cannot lose anything
                    }
                }
            }
        }
    }
}
