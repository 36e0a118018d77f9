package io.soltrade.example.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What a host that depends on {@code soltrade-app} alone finds on its runtime classpath (written by
 * {@code dependency:build-classpath}, scope runtime): the data layer and what it needs, and nothing that would take
 * over the host's logging or bring a CLI, chart or metrics-endpoint library. The enforcer's
 * {@code bannedDependencies} fails the build on the same artifacts; this checks the files themselves.
 */
class HostClasspathTest {
    private static final Pattern TOOLING = Pattern.compile(
            "(logback-classic|logback-core|log4j-core|slf4j-simple|picocli|jfreechart|micrometer-registry-prometheus|prometheus-metrics"
                    + "|soltrade-cli|soltrade-bench)[^" + Pattern.quote(File.separator) + "]*\\.jar$");
    /** A logging configuration that would configure the host's backend (logback.xml, logback-test.xml, log4j2.xml...). */
    private static final Pattern LOGGING_CONFIGURATION = Pattern.compile("(logback[^/]*\\.(xml|groovy)|log4j2?[^/]*\\.(xml|properties|json|yaml))");
    private static final String SLF4J_PROVIDER = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";

    private static List<Path> runtimeClasspath() throws IOException {
        String classpath = Files.readString(Path.of(System.getProperty("host.runtime.classpath.file"))).strip();
        List<Path> entries = new ArrayList<>(Arrays.stream(classpath.split(Pattern.quote(File.pathSeparator))).map(Path::of).toList());
        entries.add(Path.of(System.getProperty("host.classes")));
        return entries;
    }

    @Test
    void theDataLayerIsOnTheClasspathWithItsAdapters() throws IOException {
        assertThat(runtimeClasspath()).extracting(Path::toString)
                .anyMatch(entry -> entry.contains("soltrade-app") || entry.endsWith("app" + File.separator + "target" + File.separator + "classes"))
                .anyMatch(entry -> entry.contains("guice"))
                .anyMatch(entry -> entry.contains("slf4j-api"));
    }

    @Test
    void noLoggingBackendCliChartOrPrometheusLibraryArrives() throws IOException {
        assertThat(runtimeClasspath()).extracting(Path::toString).noneMatch(entry -> TOOLING.matcher(entry).find());
    }

    @Test
    void noEntryCarriesALoggingConfigurationOrAnSlf4jProvider() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path entry : runtimeClasspath()) {
            for (String resource : rootResources(entry)) {
                if (LOGGING_CONFIGURATION.matcher(resource).matches() || resource.equals(SLF4J_PROVIDER)) {
                    found.add(entry.getFileName() + "!/" + resource);
                }
            }
        }
        assertThat(found).as("the host chooses its own logging backend and configuration").isEmpty();
    }

    /** The root-level resources of a jar or class directory, plus the SLF4J provider file if there is one. */
    private static List<String> rootResources(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.list(entry)) {
                List<String> names = new ArrayList<>(files.map(file -> file.getFileName().toString()).toList());
                if (Files.exists(entry.resolve(SLF4J_PROVIDER))) {
                    names.add(SLF4J_PROVIDER);
                }
                return names;
            }
        }
        if (!Files.isRegularFile(entry)) {
            return List.of();
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            return jar.stream().map(ZipEntry::getName)
                    .filter(name -> !name.contains("/") || name.equals(SLF4J_PROVIDER))
                    .toList();
        }
    }
}
