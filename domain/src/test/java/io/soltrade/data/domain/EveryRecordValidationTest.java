package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks every public record of the domain (found on disk, so a new record cannot be forgotten) and checks that a
 * null in any reference component is rejected with a {@link DomainValidationException} naming that component,
 * never a bare {@link NullPointerException}.
 */
class EveryRecordValidationTest {

    @Test
    void samplesCoverEveryPublicRecord() throws Exception {
        assertThat(Samples.all().keySet()).containsAll(publicRecords());
    }

    @Test
    void nullInAnyComponentIsRejectedNamingIt() throws Exception {
        Map<Class<?>, Object> samples = Samples.all();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : publicRecords()) {
            Object sample = samples.get(type);
            RecordComponent[] components = type.getRecordComponents();
            Constructor<?> constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType().isPrimitive()) {
                    continue;
                }
                Object[] args = new Object[components.length];
                for (int j = 0; j < components.length; j++) {
                    args[j] = j == i ? null : components[j].getAccessor().invoke(sample);
                }
                checked++;
                String problem = rejectionProblem(constructor, args, components[i].getName(), components.length == 1);
                if (problem != null) {
                    failures.add(type.getSimpleName() + "." + components[i].getName() + ": " + problem);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(100);
    }

    /** Null when the constructor rejected the arguments as it should; otherwise what went wrong. */
    private static String rejectionProblem(Constructor<?> constructor, Object[] args, String component, boolean single) {
        try {
            constructor.newInstance(args);
            return "accepted null";
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof DomainValidationException rejected)) {
                return "threw " + cause;
            }
            if (rejected.field() == null || rejected.field().isBlank()) {
                return "named no field";
            }
            // A single-value wrapper names the concept (Pubkey -> "pubkey"); a record names the component.
            if (!single && !rejected.field().equals(component)) {
                return "named '" + rejected.field() + "' instead of '" + component + "'";
            }
            return null;
        } catch (ReflectiveOperationException e) {
            return "could not call: " + e;
        }
    }

    static List<Class<?>> publicRecords() throws IOException, URISyntaxException {
        Path root = Path.of(Pubkey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name);
                    if (type.isRecord() && Modifier.isPublic(type.getModifiers())) {
                        records.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    fail("cannot load " + name, e);
                }
            }
        }
        assertThat(records).hasSizeGreaterThan(40);
        return records;
    }
}
