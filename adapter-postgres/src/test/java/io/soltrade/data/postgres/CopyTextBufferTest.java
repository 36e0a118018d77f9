package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CopyTextBufferTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Integer> flushes = new ArrayList<>();

    private CopyTextBuffer buffer(int capacity) {
        return new CopyTextBuffer(capacity, (bytes, offset, length) -> {
            flushes.add(length);
            out.write(bytes, offset, length);
        });
    }

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void separatesColumnsWithTabsAndRowsWithNewlines() throws SQLException {
        CopyTextBuffer rows = buffer(4_096);
        rows.column("a").column(42).column("b");
        rows.endRow();
        rows.column(-7);
        rows.endRow();
        rows.flush();

        assertThat(written()).isEqualTo("a\t42\tb\n-7\n");
    }

    @Test
    void escapesWhatTheTextFormatNeedsEscaped() throws SQLException {
        CopyTextBuffer rows = buffer(4_096);
        rows.column("tab\there").column("line\nbreak\r").column("back\\slash").column("ünïcødé ☕ \t");
        rows.endRow();
        rows.flush();

        assertThat(written()).isEqualTo("tab\\there\tline\\nbreak\\r\tback\\\\slash\tünïcødé ☕ \\t\n");
    }

    @Test
    void writesExtremeLongs() throws SQLException {
        CopyTextBuffer rows = buffer(4_096);
        rows.column(Long.MIN_VALUE).column(Long.MAX_VALUE).column(0);
        rows.endRow();
        rows.flush();

        assertThat(written()).isEqualTo(Long.MIN_VALUE + "\t" + Long.MAX_VALUE + "\t0\n");
    }

    @Test
    void flushesWholeRowsWhenNearlyFull() throws SQLException {
        CopyTextBuffer rows = buffer(4_096);
        String value = "x".repeat(99);
        for (int i = 0; i < 100; i++) {
            rows.column(value);
            rows.endRow();
        }
        rows.flush();

        assertThat(flushes).hasSizeGreaterThan(1).allMatch(length -> length % 100 == 0);
        assertThat(written()).hasSize(100 * 100);
    }

    @Property(tries = 200)
    void anyLongIsWrittenAsJavaWritesIt(@ForAll long value) throws SQLException {
        out.reset();
        CopyTextBuffer rows = buffer(4_096);
        rows.column(value);
        rows.endRow();
        rows.flush();

        assertThat(written()).isEqualTo(value + "\n");
    }
}
