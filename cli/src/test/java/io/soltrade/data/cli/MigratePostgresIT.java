package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * {@code migrate} against PostgreSQL alone, in a fresh empty schema of its own (dropped after): what it prints on a
 * first run, on a second run, and with {@code --dry-run} before anything ran.
 */
class MigratePostgresIT {
    private static final List<String> FIRST_CHANGESETS = List.of("001-tokens", "001-tokens-extensions-gin", "002-trader-config");
    private static final String LAST_CHANGESET = "007-tokens-onchain-symbols";

    @TempDir
    Path dir;

    private TestingPostgres postgres;
    private String schema;
    private Path config;

    @BeforeEach
    void schema() throws IOException {
        postgres = TestingPostgres.start();
        PostgresSettings pg = postgres.settings(2);
        schema = pg.schema();
        config = dir.resolve("postgres.conf");
        Files.writeString(config, """
                soltrade {
                  adapters { trades = postgres, positions = memory, metrics = memory, mev = memory, config = postgres,
                             prices = memory, pools = memory, streams = memory, feed = memory }
                  postgres { url = "%s", user = "%s", password = "%s", schema = "%s", pool-size = 2 }
                }
                """.formatted(pg.url(), pg.user(), pg.password(), schema));
    }

    @AfterEach
    void dropSchema() {
        postgres.close();
    }

    @Test
    void aFirstRunNamesTheChangesetsItAppliedAndASecondSaysUpToDate() throws SQLException {
        CommandLineTest.Result first = CommandLineTest.run(new Main(), "migrate", "--config", config.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        String applied = postgresLine(first.out());
        assertThat(applied).startsWith("postgres: schema " + schema + " at ").contains(": applied 14 changesets: ")
                .contains(String.join(", ", FIRST_CHANGESETS)).endsWith(LAST_CHANGESET).doesNotContain("up to date");
        assertThat(changesets()).isEqualTo(14);

        CommandLineTest.Result second = CommandLineTest.run(new Main(), "migrate", "--config", config.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(postgresLine(second.out())).startsWith("postgres: schema " + schema + " at ")
                .endsWith(" is up to date (14 changesets already applied)");
        assertThat(changesets()).isEqualTo(14);
    }

    @Test
    void aDryRunOnAnEmptySchemaListsEveryChangesetAsPendingAndCreatesNothing() throws SQLException {
        CommandLineTest.Result dryRun = CommandLineTest.run(new Main(), "migrate", "--dry-run", "--config", config.toString());

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(postgresLine(dryRun.out())).startsWith("postgres: schema " + schema + " at ").contains(": 14 pending: ")
                .contains(String.join(", ", FIRST_CHANGESETS)).endsWith(LAST_CHANGESET);
        assertThat(tables()).isEmpty();
    }

    @Test
    void aDryRunAfterAMigrationIsUpToDate() {
        assertThat(CommandLineTest.run(new Main(), "migrate", "--config", config.toString()).exitCode()).isZero();

        CommandLineTest.Result dryRun = CommandLineTest.run(new Main(), "migrate", "--dry-run", "--config", config.toString());

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(postgresLine(dryRun.out())).endsWith(" is up to date (14 changesets already applied)");
    }

    private static String postgresLine(String out) {
        List<String> lines = out.lines().filter(line -> line.startsWith("postgres:")).toList();
        assertThat(lines).as(out).hasSize(1);
        return lines.get(0);
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = postgres.connect();
                PreparedStatement select = connection.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            select.setString(1, schema);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private int changesets() throws SQLException {
        try (Connection connection = postgres.connect();
                PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM \"" + schema + "\".databasechangelog");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
