package io.soltrade.data.bench.scenario;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Tells whether a server answers on its port before a scenario spends time on it, so an absent server becomes a
 * clear {@code skipped: ...} row instead of a timeout deep in a driver.
 */
final class ServerProbe {
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private ServerProbe() {
    }

    /** Empty when {@code host:port} accepts a TCP connection; else why not, naming {@code what} and the address. */
    static Optional<String> unreachable(String what, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(what + " does not answer at " + host + ":" + port + " (" + e.getMessage() + ")");
        }
    }
}
