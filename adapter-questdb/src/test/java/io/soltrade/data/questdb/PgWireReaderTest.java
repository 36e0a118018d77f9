package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The reader against a scripted data source (no server): a table whose WAL lags behind for a while, read by many
 * callers at once. What is checked is how many connections are open at once: waiting for visibility holds none.
 */
class PgWireReaderTest {

    /** A data source whose {@code wal_tables()} rows show the table 40 status reads behind, and whose queries return no rows. */
    private static final class LaggingTable {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger mostOpenWhileLagging = new AtomicInteger();
        final AtomicInteger statusReads = new AtomicInteger();

        DataSource dataSource() {
            return proxy(DataSource.class, (self, method, args) -> switch (method.getName()) {
                case "getConnection" -> connection();
                default -> throw new UnsupportedOperationException(method.getName());
            });
        }

        private Connection connection() {
            int nowOpen = open.incrementAndGet();
            if (statusReads.get() < 40) {
                mostOpenWhileLagging.accumulateAndGet(nowOpen, Math::max);
            }
            return proxy(Connection.class, (self, method, args) -> switch (method.getName()) {
                case "prepareStatement" -> statement(((String) args[0]).contains("wal_tables"));
                case "close" -> {
                    open.decrementAndGet();
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });
        }

        private PreparedStatement statement(boolean status) {
            return proxy(PreparedStatement.class, (self, method, args) -> switch (method.getName()) {
                case "executeQuery" -> status ? statusRow(statusReads.incrementAndGet()) : noRows();
                case "close", "setString", "setObject", "setInt", "setBoolean" -> null;
                default -> throw new UnsupportedOperationException(method.getName());
            });
        }

        private static ResultSet statusRow(int read) {
            AtomicInteger next = new AtomicInteger();
            return proxy(ResultSet.class, (self, method, args) -> switch (method.getName()) {
                case "next" -> next.getAndIncrement() == 0;
                case "getBoolean" -> false;
                case "getLong" -> (Integer) args[0] == 2 ? (long) Math.min(read, 40) : 40L; // applied, then sequencer txn
                case "getString" -> null;
                case "close" -> null;
                default -> throw new UnsupportedOperationException(method.getName());
            });
        }

        private static ResultSet noRows() {
            return proxy(ResultSet.class, (self, method, args) -> switch (method.getName()) {
                case "next" -> false;
                case "close" -> null;
                default -> throw new UnsupportedOperationException(method.getName());
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @Test
    void readersWaitingForALaggingTableHoldNoConnection() throws Exception {
        LaggingTable table = new LaggingTable();
        PgWireReader reader = new PgWireReader(table.dataSource(), Duration.ofSeconds(30));
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<List<Object>>> reads = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                reads.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return reader.list("trades", "trades.byId", statement -> statement.setString(1, "x"), row -> row);
                }, callers));
            }
            go.countDown();
            for (CompletableFuture<List<Object>> read : reads) {
                assertThat(read.get(30, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            callers.shutdownNow();
        }
        // while the table lags, the only connection open is the one status read in flight
        assertThat(table.mostOpenWhileLagging.get()).as("connections open at once while 50 readers wait for the WAL").isEqualTo(1);
        assertThat(table.open.get()).isZero();
    }
}
