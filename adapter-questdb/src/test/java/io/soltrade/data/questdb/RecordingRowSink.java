package io.soltrade.data.questdb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link RowSink} that keeps what it was given, and checks the ILP order rules while doing so. */
final class RecordingRowSink implements RowSink {
    record Row(String table, Map<String, Object> symbols, Map<String, Object> columns, Instant at) {}

    final List<Row> rows = new ArrayList<>();
    private String table;
    private Map<String, Object> symbols = new LinkedHashMap<>();
    private Map<String, Object> columns = new LinkedHashMap<>();

    @Override
    public RowSink table(String table) {
        if (this.table != null) {
            throw new IllegalStateException("row for " + this.table + " not ended");
        }
        this.table = table;
        return this;
    }

    @Override
    public RowSink symbol(String column, String value) {
        requireTable();
        if (!columns.isEmpty()) {
            throw new IllegalStateException("symbol " + column + " after a column");
        }
        symbols.put(column, value);
        return this;
    }

    @Override
    public RowSink varchar(String column, String value) {
        return column(column, value);
    }

    @Override
    public RowSink longColumn(String column, long value) {
        return column(column, value);
    }

    @Override
    public RowSink doubleColumn(String column, double value) {
        return column(column, value);
    }

    @Override
    public RowSink unsignedDecimal(String column, long unsignedBits) {
        return column(column, new BigDecimal(Long.toUnsignedString(unsignedBits)));
    }

    @Override
    public RowSink timestamp(String column, Instant value) {
        return column(column, value);
    }

    @Override
    public RowSink decimal(String column, BigDecimal value) {
        return column(column, value);
    }

    @Override
    public void at(Instant timestamp) {
        requireTable();
        rows.add(new Row(table, symbols, columns, timestamp));
        table = null;
        symbols = new LinkedHashMap<>();
        columns = new LinkedHashMap<>();
    }

    private RowSink column(String column, Object value) {
        requireTable();
        if (columns.put(column, value) != null) {
            throw new IllegalStateException("column " + column + " twice");
        }
        return this;
    }

    private void requireTable() {
        if (table == null) {
            throw new IllegalStateException("no table set");
        }
    }
}
