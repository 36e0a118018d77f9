package io.soltrade.data.redis.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A {@code redis-server} child process of this JVM on a free loopback port, with no persistence, for tests that
 * must stop or restart a server (never do that to the shared one). {@link #restart()} kills it (as a crash would)
 * and starts a fresh, empty one on the same port. Closed, or at JVM exit, the process is destroyed.
 */
public final class PrivateRedisServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final int port;
    private final List<String> extraArguments;
    private Process process;

    private PrivateRedisServer(int port, List<String> extraArguments) {
        this.port = port;
        this.extraArguments = List.copyOf(extraArguments);
    }

    /**
     * Starts {@code redis-server} (from the PATH, else the binary embedded-redis ships: {@link RedisExecutable}) on a
     * free port, with {@code extraArguments} (e.g. {@code --requirepass secret}).
     */
    public static PrivateRedisServer start(String... extraArguments) {
        PrivateRedisServer server = new PrivateRedisServer(freePort(), List.of(extraArguments));
        server.launch();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "private-redis-" + server.port + "-shutdown"));
        return server;
    }

    public int port() {
        return port;
    }

    /** The server process's id, for readers of its CPU time ({@code /proc/<pid>/stat}). */
    public synchronized long pid() {
        return process.pid();
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server as a crash would, and starts an empty one on the same port; returns once it answers. */
    public synchronized void restart() {
        kill();
        launch();
    }

    /** Kills the server; {@link #startAgain()} brings it back. */
    public synchronized void kill() {
        destroy();
    }

    public synchronized void startAgain() {
        launch();
    }

    /**
     * SIGSTOP: the server keeps its sockets open and connected but never answers, as a machine that swaps to a halt
     * would. {@link #thaw()} (or {@link #close()}) lets it carry on.
     */
    public synchronized void freeze() {
        signal("-STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public synchronized void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).redirectErrorStream(true).start();
            if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill " + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal, e);
        }
    }

    @Override
    public synchronized void close() {
        destroy();
    }

    private synchronized void launch() {
        List<String> command = new java.util.ArrayList<>(List.of(RedisExecutable.path().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning"));
        command.addAll(extraArguments);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(System.getProperty("java.io.tmpdir"),
                    "soltrade-private-redis-" + port + ".log")).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + RedisExecutable.path(), e);
        }
        await("redis-server on port " + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("redis-server exited with " + process.exitValue() + " (port " + port + " taken?)");
                    }
                    return answers(port) || extraArguments.contains("--requirepass") && refusesWithoutPassword(port);
                });
    }

    private synchronized void destroy() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            await("redis-server on port " + port + " to exit").atMost(START_TIMEOUT).until(() -> !process.isAlive());
        }
    }

    static boolean answers(int port) {
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).socketTimeoutMillis(1_000).build())) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean refusesWithoutPassword(int port) {
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).socketTimeoutMillis(1_000).build())) {
            jedis.ping();
            return false;
        } catch (redis.clients.jedis.exceptions.JedisDataException e) {
            return e.getMessage() != null && e.getMessage().startsWith("NOAUTH");
        } catch (RuntimeException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
