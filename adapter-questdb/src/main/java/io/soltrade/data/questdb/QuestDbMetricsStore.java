package io.soltrade.data.questdb;

import io.soltrade.data.domain.MetricBucket;
import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.MetricDownsampleQuery;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.PortInput;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * {@link MetricsStore} on the {@code metrics} table. Labels are stored as canonical JSON; a label filter is
 * matched with {@code json_extract} per entry, through the fixed slots of the {@code metrics.find} query.
 */
final class QuestDbMetricsStore implements MetricsStore {
    private static final String BACKEND = QuestDbExceptionTranslator.BACKEND;
    private static final Pattern LABEL_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,63}");

    private final IlpBatchWriter writer;
    private final PgWireReader reader;

    QuestDbMetricsStore(IlpBatchWriter writer, PgWireReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public void record(MetricPoint point) {
        writer.write(MetricRowEncoder.INSTANCE, List.of(PortInput.notNull(point, "point", BACKEND)));
    }

    @Override
    public CompletableFuture<Void> recordAsync(MetricPoint point) {
        return writer.writeAsync(MetricRowEncoder.INSTANCE, List.of(PortInput.notNull(point, "point", BACKEND)));
    }

    @Override
    public void recordBatch(List<MetricPoint> points) {
        writer.write(MetricRowEncoder.INSTANCE, PortInput.batch(points, "points", BACKEND));
    }

    @Override
    public List<MetricPoint> find(String name, Map<String, String> labelFilter, TimeRange range, int limit) {
        PortInput.notNull(name, "name", BACKEND);
        PortInput.notNull(labelFilter, "labelFilter", BACKEND);
        PortInput.notNull(range, "range", BACKEND);
        int checkedLimit = PortInput.limit(limit, BACKEND);
        TreeMap<String, String> filter = new TreeMap<>();
        for (Map.Entry<String, String> entry : labelFilter.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw DbException.invalidInput(BACKEND, "labelFilter contains a null key or value", null);
            }
            filter.put(entry.getKey(), entry.getValue());
        }
        if (filter.size() > MetricPoint.MAX_LABELS || !filter.keySet().stream().allMatch(key -> LABEL_KEY.matcher(key).matches())) {
            return List.of(); // no stored point has more labels than that, or a label named like that
        }
        return reader.list(MetricRowEncoder.TABLE, "metrics.find", statement -> {
            statement.setString(1, name);
            PgWireReader.bindTimestamp(statement, 2, range.from());
            PgWireReader.bindTimestamp(statement, 3, range.to());
            int index = bindFilter(statement, 4, new ArrayList<>(filter.entrySet()));
            statement.setInt(index, checkedLimit);
        }, QuestDbMetricsStore::point);
    }

    @Override
    public List<MetricBucket> downsample(MetricDownsampleQuery query) {
        PortInput.notNull(query, "query", BACKEND);
        TreeMap<String, String> filter = new TreeMap<>(query.labelFilter());
        if (filter.size() > MetricPoint.MAX_LABELS || !filter.keySet().stream().allMatch(key -> LABEL_KEY.matcher(key).matches())) {
            return List.of(); // no stored point has more labels than that, or a label named like that
        }
        return reader.list(MetricRowEncoder.TABLE, "metrics.downsample." + query.interval().label(), statement -> {
            statement.setString(1, query.name());
            PgWireReader.bindTimestamp(statement, 2, query.range().from());
            PgWireReader.bindTimestamp(statement, 3, query.range().to());
            int index = bindFilter(statement, 4, new ArrayList<>(filter.entrySet()));
            statement.setInt(index, query.limit());
        }, row -> new MetricBucket(PgWireReader.timestamp(row, "ts"), query.name(), LabelsJson.parse(row.getString("labels")),
                row.getDouble("avg_value"), row.getDouble("min_value"), row.getDouble("max_value"), row.getDouble("last_value"), row.getLong("points")));
    }

    private static int bindFilter(PreparedStatement statement, int first, List<Map.Entry<String, String>> entries) throws SQLException {
        int index = first;
        for (int slot = 0; slot < MetricPoint.MAX_LABELS; slot++) {
            boolean used = slot < entries.size();
            statement.setBoolean(index++, !used);
            statement.setString(index++, used ? "$." + entries.get(slot).getKey() : "$._");
            statement.setString(index++, used ? entries.get(slot).getValue() : "");
        }
        return index;
    }

    private static MetricPoint point(ResultSet row) throws SQLException {
        return new MetricPoint(row.getString("name"), row.getDouble("value"), LabelsJson.parse(row.getString("labels")),
                PgWireReader.timestamp(row, "ts"));
    }
}
