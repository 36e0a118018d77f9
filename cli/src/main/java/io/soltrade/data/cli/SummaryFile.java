package io.soltrade.data.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Checks an output file's path before a session starts, so that a session never runs only to fail at its end. */
final class SummaryFile {

    private SummaryFile() {}

    /** What makes {@code file} unwritable, if anything: a directory, a parent that is a file or not writable. */
    static Optional<String> check(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return Optional.of("is a directory; give a file name, e.g. " + absolute.resolve("summary.json"));
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            return Optional.of("is not writable");
        }
        Path parent = absolute.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.of("cannot be created: " + parent + " is not a directory");
        }
        if (!Files.isWritable(parent)) {
            return Optional.of("cannot be created: directory " + parent + " is not writable");
        }
        return Optional.empty();
    }
}
