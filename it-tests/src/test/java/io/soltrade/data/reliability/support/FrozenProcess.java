package io.soltrade.data.reliability.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A server process of this test JVM stopped with SIGSTOP, as a machine that swaps to a halt or a debugger would
 * stop it: its sockets stay open and connected, it just never answers. {@link #close()} sends SIGCONT, so a
 * try-with-resources block never leaves a server frozen. Only ever used on child processes this JVM started.
 */
public final class FrozenProcess implements AutoCloseable {
    private final ProcessHandle process;
    private boolean resumed;

    private FrozenProcess(ProcessHandle process) {
        this.process = process;
    }

    /** Sends SIGSTOP to {@code process}, which must be a descendant of this JVM. */
    public static FrozenProcess freeze(ProcessHandle process) {
        if (ProcessHandle.current().descendants().noneMatch(child -> child.pid() == process.pid())) {
            throw new IllegalArgumentException("pid " + process.pid() + " is not a child of this JVM; only our own servers are frozen");
        }
        signal("-STOP", process.pid());
        return new FrozenProcess(process);
    }

    /** The descendant of this JVM whose command line mentions {@code marker} (e.g. a server's root directory). */
    public static ProcessHandle childRunning(String marker) {
        return ProcessHandle.current().descendants()
                .filter(child -> child.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no child process of this JVM runs with '" + marker + "'"));
    }

    /** The QuestDB child process whose root is {@code root}. */
    public static ProcessHandle questDb(Path root) {
        return childRunning(root.toString());
    }

    public long pid() {
        return process.pid();
    }

    /** SIGCONT: the process carries on where it stopped. Idempotent. */
    @Override
    public synchronized void close() {
        if (!resumed && process.isAlive()) {
            signal("-CONT", process.pid());
        }
        resumed = true;
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " failed: " + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill " + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal + " to " + pid, e);
        }
    }
}
