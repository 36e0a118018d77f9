package io.soltrade.data.questdb;

import io.soltrade.data.domain.MetricPoint;

/**
 * A metric point as one row of {@code metrics}. Labels go in as the point's canonical JSON (sorted keys), so
 * equal labels are equal text and {@code (ts, name, labels)} is a stable dedup key; characters outside the Basic
 * Multilingual Plane go in as JSON escapes ({@link LabelsJson#forStorage}), which the ILP client cannot mangle.
 */
enum MetricRowEncoder implements RowEncoder<MetricPoint> {
    INSTANCE;

    static final String TABLE = "metrics";

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public void encode(MetricPoint point, RowSink sink) {
        sink.table(TABLE)
                .symbol("name", point.name())
                .varchar("labels", LabelsJson.forStorage(point.labelsJson()))
                .doubleColumn("value", point.value())
                .at(point.at());
    }
}
