package io.soltrade.data.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.soltrade.data.bench.measure.BenchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code results.json}: the list of {@link BenchResult} rows, one object each, in run order. */
public final class ResultsJson {
    public static final String FILE = "results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static Path write(Path directory, List<BenchResult> results) throws IOException {
        Path file = directory.resolve(FILE);
        JSON.writeValue(file.toFile(), results);
        return file;
    }
}
