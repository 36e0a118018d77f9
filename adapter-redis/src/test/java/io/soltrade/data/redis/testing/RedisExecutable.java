package io.soltrade.data.redis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which {@code redis-server} binary the fixtures start: the one on the PATH, or else the one shipped inside
 * codemonstur's embedded-redis artifact (Maven Central), extracted once per JVM, so the test suite runs on a machine
 * with only a JDK. {@code -Dsoltrade.redis.server=embedded} forces the shipped binary; any other value is taken as
 * the path of a binary.
 */
final class RedisExecutable {
    static final String PROPERTY = "soltrade.redis.server";

    private static Path resolved;

    private RedisExecutable() {}

    static synchronized Path path() {
        if (resolved == null) {
            String chosen = System.getProperty(PROPERTY, "");
            if (chosen.equals("embedded")) {
                resolved = extractShipped();
            } else if (!chosen.isEmpty()) {
                resolved = Path.of(chosen);
            } else {
                resolved = onPath().orElseGet(RedisExecutable::extractShipped);
            }
        }
        return resolved;
    }

    private static Optional<Path> onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(Pattern.quote(java.io.File.pathSeparator))) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path extractShipped() {
        String resource = shippedResource();
        try (InputStream binary = RedisExecutable.class.getResourceAsStream("/" + resource)) {
            if (binary == null) {
                throw new IllegalStateException("no redis-server on the PATH and " + resource
                        + " is not on the classpath (com.github.codemonstur:embedded-redis)");
            }
            Path directory = Files.createTempDirectory("soltrade-redis-server");
            Path target = directory.resolve("redis-server");
            Files.copy(binary, target, StandardCopyOption.REPLACE_EXISTING);
            if (!target.toFile().setExecutable(true, true)) {
                throw new IllegalStateException("cannot make " + target + " executable");
            }
            directory.toFile().deleteOnExit(); // registered first, deleted last: after the binary in it
            target.toFile().deleteOnExit();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
    }

    /** The binaries embedded-redis 1.4.3 ships, by operating system and architecture. */
    private static String shippedResource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        throw new IllegalStateException("no redis-server on the PATH and none shipped for " + os + "/" + arch);
    }
}
