package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.questdb.testing.QuestDbServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate} against QuestDB alone, on a fresh server of its own (stopped and deleted after): what it prints on a
 * first run, on a second run, and with {@code --dry-run} before anything ran and after a run.
 */
class MigrateQuestDbIT {
    private static final List<String> MIGRATIONS = List.of("V001__tables.sql", "V002__quote_commitment_current_positions.sql",
            "V003__id_bucket_index_capacity.sql");

    @TempDir
    Path dir;

    private QuestDbServer questdb;
    private Path config;

    @BeforeEach
    void freshServer() throws IOException {
        questdb = QuestDbServer.launch();
        config = dir.resolve("questdb.conf");
        Files.writeString(config, """
                soltrade {
                  adapters { trades = questdb, positions = questdb, metrics = questdb, mev = questdb, config = memory,
                             prices = memory, pools = memory, streams = memory, feed = memory }
                  questdb { ilp = "%s", pg-url = "%s", pg-user = "%s", pg-password = "%s" }
                }
                """.formatted(questdb.ilpConfig(), questdb.pgUrl(), questdb.pgUser(), questdb.pgPassword()));
    }

    @AfterEach
    void stopServer() {
        questdb.close();
    }

    @Test
    void aFirstRunNamesTheMigrationsItAppliedThenASecondRunAndADryRunSayUpToDate() throws SQLException {
        assertThat(history()).as("a fresh server").isEmpty();

        CommandLineTest.Result first = CommandLineTest.run(new Main(), "migrate", "--config", config.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(questDbLine(first.out())).isEqualTo("questdb: " + questdb.pgUrl() + ": applied 3 migrations: " + String.join(", ", MIGRATIONS));
        assertThat(history()).isEqualTo(MIGRATIONS);

        CommandLineTest.Result second = CommandLineTest.run(new Main(), "migrate", "--config", config.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(questDbLine(second.out())).isEqualTo("questdb: " + questdb.pgUrl() + " is up to date (3 migrations already applied)");
        assertThat(history()).as("nothing recorded twice").isEqualTo(MIGRATIONS);

        CommandLineTest.Result dryRun = CommandLineTest.run(new Main(), "migrate", "--dry-run", "--config", config.toString());

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(questDbLine(dryRun.out())).isEqualTo("questdb: " + questdb.pgUrl() + " is up to date (3 migrations already applied)");
    }

    @Test
    void aDryRunOnAFreshServerListsEveryMigrationAsPendingAndCreatesNothing() throws SQLException {
        CommandLineTest.Result dryRun = CommandLineTest.run(new Main(), "migrate", "--dry-run", "--config", config.toString());

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(questDbLine(dryRun.out())).isEqualTo("questdb: " + questdb.pgUrl() + ": 3 pending: " + String.join(", ", MIGRATIONS));
        assertThat(tables()).as("no table created, not even the history").isEmpty();
    }

    private static String questDbLine(String out) {
        List<String> lines = out.lines().filter(line -> line.startsWith("questdb:")).toList();
        assertThat(lines).as(out).hasSize(1);
        return lines.get(0);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(questdb.pgUrl(), questdb.pgUser(), questdb.pgPassword());
    }

    /** Every table the server holds (a fresh server holds none). */
    private List<String> tables() throws SQLException {
        return strings("SELECT table_name FROM tables() ORDER BY table_name");
    }

    /** The files soltrade_schema_history records, in version order; none when it does not exist. */
    private List<String> history() throws SQLException {
        return tables().contains("soltrade_schema_history") ? strings("SELECT name FROM soltrade_schema_history ORDER BY version") : List.of();
    }

    private List<String> strings(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(query); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
