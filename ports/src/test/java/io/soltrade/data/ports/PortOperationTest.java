package io.soltrade.data.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The idempotency table covers every operation of every port interface, and nothing else. */
class PortOperationTest {

    /** Every public interface of the ports package, found on the class path (not listed by hand). */
    private static List<Class<?>> portInterfaces() throws IOException, URISyntaxException, ClassNotFoundException {
        String packageName = PortOperation.class.getPackageName();
        // the directory PortOperation itself was loaded from: main classes, not this test's own package directory
        URL table = PortOperation.class.getResource(PortOperation.class.getSimpleName() + ".class");
        assertThat(table).as("PortOperation.class").isNotNull();
        assertThat(table.getProtocol()).as("the ports classes as a directory").isEqualTo("file");
        List<Class<?>> interfaces = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(table.toURI()).getParent())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simpleName = file.getFileName().toString().replace(".class", "");
                if (simpleName.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(packageName + "." + simpleName);
                if (type.isInterface() && !type.isAnnotation() && Modifier.isPublic(type.getModifiers())) {
                    interfaces.add(type);
                }
            }
        }
        return interfaces;
    }

    private static Set<String> operationsOf(List<Class<?>> interfaces) {
        Set<String> operations = new TreeSet<>();
        for (Class<?> port : interfaces) {
            for (Method method : port.getDeclaredMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()) {
                    operations.add(port.getSimpleName() + "." + method.getName());
                }
            }
        }
        return operations;
    }

    @Test
    void everyOperationOfEveryPortIsClassifiedExactlyOnce() throws Exception {
        List<Class<?>> interfaces = portInterfaces();
        assertThat(interfaces).as("port interfaces found").hasSizeGreaterThanOrEqualTo(13)
                .contains(TradeStore.class, ConfigOperations.class, EventStream.class, LiveFeed.class, ManagedResource.class);

        Set<String> classified = Arrays.stream(PortOperation.values())
                .map(operation -> operation.port().getSimpleName() + "." + operation.method())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(classified).as("entries of PortOperation").hasSize(PortOperation.values().length);
        assertThat(classified).as("every operation of every port interface has its PortOperation entry, and every entry names one")
                .isEqualTo(operationsOf(interfaces));
    }

    @Test
    void noPortInterfaceOverloadsAName() throws Exception {
        for (Class<?> port : portInterfaces()) {
            List<String> names = Arrays.stream(port.getDeclaredMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                    .map(Method::getName).toList();
            assertThat(names).as("operations of %s (the table is keyed by name)", port.getSimpleName()).doesNotHaveDuplicates();
        }
    }

    @Test
    void operationsThatHandOutOrAppendAreNotIdempotent() {
        assertThat(PortOperation.of(EventStream.class, "readGroup").idempotency()).isEqualTo(Idempotency.NOT_IDEMPOTENT);
        assertThat(PortOperation.of(EventStream.class, "claimStale").idempotency()).isEqualTo(Idempotency.NOT_IDEMPOTENT);
        assertThat(PortOperation.of(EventStream.class, "publish").idempotency()).isEqualTo(Idempotency.NOT_IDEMPOTENT);
        assertThat(PortOperation.of(EventStream.class, "read").idempotency()).isEqualTo(Idempotency.IDEMPOTENT);
        assertThat(PortOperation.of(ConfigOperations.class, "trigger").idempotency()).isEqualTo(Idempotency.NOT_IDEMPOTENT);
        assertThat(PortOperation.of(PriceCache.class, "ttl").isLocal()).isTrue();
        assertThat(PortOperation.of(PriceCache.class, "get").isLocal()).isFalse();
    }

    @Test
    void anUnknownOperationIsRefusedByName() {
        assertThatThrownBy(() -> PortOperation.of(TradeStore.class, "delete"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TradeStore.delete");
    }

    @Test
    void notIdempotentOperationsAreRetriedOnlyWhenNothingWasApplied() {
        DbException lostReply = DbException.of(DbErrorKind.CONNECTION, "redis", "connection reset");
        DbException noConnection = DbException.of(DbErrorKind.POOL_EXHAUSTED, "redis", "pool exhausted");
        DbException rejected = DbException.of(DbErrorKind.QUERY, "redis", "ERR");

        assertThat(PortOperation.EVENT_STREAM_READ_GROUP.allowsRetryAfter(lostReply)).isFalse();
        assertThat(PortOperation.EVENT_STREAM_READ_GROUP.allowsRetryAfter(noConnection)).isTrue();
        assertThat(PortOperation.EVENT_STREAM_READ.allowsRetryAfter(lostReply)).isTrue();
        assertThat(PortOperation.EVENT_STREAM_READ.allowsRetryAfter(rejected)).isFalse();
        assertThat(PortOperation.EVENT_STREAM_READ.allowsRetryAfter(new IllegalStateException())).isFalse();
    }
}
