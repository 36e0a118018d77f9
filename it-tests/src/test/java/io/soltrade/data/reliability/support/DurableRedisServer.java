package io.soltrade.data.reliability.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private {@code redis-server} child process on a free loopback port that keeps what it acknowledged: its
 * append-only file is written and fsynced before every reply ({@code appendfsync always}), so {@link #kill()}
 * (SIGKILL, a crash) followed by {@link #start()} on the same port and directory brings back every write a client
 * was told succeeded. With {@code durable = false} it is the plain in-memory server, which is how the restart
 * test is shown to fail without the protection. Never the shared test server.
 */
public final class DurableRedisServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final Path directory;
    private final boolean durable;
    private Process process;

    private DurableRedisServer(int port, Path directory, boolean durable) {
        this.port = port;
        this.directory = directory;
        this.durable = durable;
    }

    public static DurableRedisServer launch(boolean durable) {
        try {
            DurableRedisServer server = new DurableRedisServer(freePort(), Files.createTempDirectory("soltrade-redis-"), durable);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "durable-redis-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized ProcessHandle process() {
        return process.toHandle();
    }

    /** Starts the server (again) on its port and directory; returns once it answers PING (its AOF loaded). */
    public synchronized void start() {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", directory.toString(), "--save", "", "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning"));
        command.addAll(durable ? List.of("--appendonly", "yes", "--appendfsync", "always") : List.of("--appendonly", "no"));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(directory.toFile(), "redis.log"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (is it on the PATH?)", e);
        }
        Process started = process;
        await("redis-server on port " + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + started.exitValue() + "; see " + directory.resolve("redis.log"));
            }
            return answersPing();
        });
    }

    /** SIGKILL: no shutdown, no final save; only what the AOF already holds survives. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            Process killed = process;
            await("redis-server on port " + port + " to die").atMost(START_TIMEOUT).until(() -> !killed.isAlive());
        }
    }

    @Override
    public synchronized void close() {
        kill();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing a test for
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.read(reply);
            return read >= 5 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
