package io.soltrade.data.questdb;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.TransientDbException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Versioned schema migrations for QuestDB: the files listed in {@code /questdb/migrations/changelog.txt}, applied
 * in order, each once, and recorded in {@code soltrade_schema_history} (version, file, checksum of its statements,
 * time). Run by {@code migrate} ({@link QuestDbMigrationRun#apply}, which reports what it applied) and, when
 * {@link QuestDbSettings#applySchema()} is on, when the adapter starts; {@link QuestDbSchemaStatus#read} reads the
 * history without writing (a connected dry run).
 *
 * <ul>
 *   <li>A database created by the old {@code schema.sql} has no history: {@code V001} (that same schema, all
 *       {@code CREATE TABLE IF NOT EXISTS}) is recorded without effect and the later versions apply.</li>
 *   <li>A recorded migration whose statements changed since is refused (checksum), as is a database whose history
 *       holds a version this code does not know (a newer release migrated it).</li>
 *   <li>QuestDB has no transactional DDL and no lock to take, so every statement is written to be repeatable: two
 *       processes migrating at once, or a run cut short and started again, apply nothing twice.</li>
 *   <li>ALTERs and UPDATEs of WAL tables are applied asynchronously: after each statement the runner waits until
 *       every WAL table has applied what was committed, so the next statement sees its effect.</li>
 * </ul>
 *
 * The only {@code java.sql.Statement} given SQL text in the codebase, and only the checked-in migration files.
 */
final class SchemaApplier {
    static final String MIGRATIONS = "/questdb/migrations/";
    static final String CHANGELOG = MIGRATIONS + "changelog.txt";
    private static final String HISTORY = "soltrade_schema_history";
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    /** One migration file: its version (from {@code V<nnn>__}), name, statements and their checksum. */
    record Migration(int version, String name, List<String> statements, String checksum) {}

    private SchemaApplier() {}

    /** Every migration of the changelog, in order. */
    static List<Migration> migrations() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : SqlResource.read(CHANGELOG).split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!name.matches("V\\d{3}__[a-z0-9_]+\\.sql")) {
                throw new IllegalStateException(CHANGELOG + ": '" + name + "' is not V<nnn>__<name>.sql");
            }
            int version = Integer.parseInt(name.substring(1, 4));
            if (version != migrations.size() + 1) {
                throw new IllegalStateException(CHANGELOG + ": " + name + " is out of order (expected version " + (migrations.size() + 1) + ")");
            }
            List<String> statements = SqlResource.statements(MIGRATIONS + name);
            migrations.add(new Migration(version, name, statements, checksum(statements)));
        }
        return List.copyOf(migrations);
    }

    /** How long each wait for WAL apply may take during a run: six times the read visibility timeout. */
    static Duration applyTimeout(QuestDbSettings settings) {
        return settings.readVisibilityTimeout().multipliedBy(6);
    }

    /** Applies every migration not recorded yet, in order, on a connection of {@code dataSource}. */
    static QuestDbMigrationRun apply(DataSource dataSource, Duration applyTimeout) {
        try (Connection connection = dataSource.getConnection()) {
            return apply(connection, applyTimeout);
        } catch (SQLException e) {
            throw QuestDbExceptionTranslator.translate(e, "migrating the QuestDB schema");
        }
    }

    /** Applies every migration not recorded yet, in order; returns what was recorded before and what it applied. */
    static QuestDbMigrationRun apply(Connection connection, Duration applyTimeout) throws SQLException {
        Map<String, String> queries = SqlResource.named(PgWireReader.QUERIES);
        List<Migration> migrations = migrations();
        try (PreparedStatement create = connection.prepareStatement(queries.get("schema.createHistory"))) {
            create.execute();
        }
        Map<Integer, String> applied = applied(connection, queries);
        check(applied, migrations);
        List<String> done = new ArrayList<>();
        for (Migration migration : migrations) {
            if (applied.containsKey(migration.version())) {
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                    awaitApplied(connection, queries, applyTimeout, migration.name());
                }
            }
            if (migration.version() == 2) {
                markSupersededTrades(connection, queries);
                awaitApplied(connection, queries, applyTimeout, migration.name());
            }
            try (PreparedStatement record = connection.prepareStatement(queries.get("schema.record"))) {
                record.setInt(1, migration.version());
                record.setString(2, migration.name());
                record.setString(3, migration.checksum());
                record.execute();
            }
            done.add(migration.name());
        }
        return new QuestDbMigrationRun(names(applied, migrations), done);
    }

    /**
     * What the history records and what is pending, read only: without the history table (a database never
     * migrated) nothing is created and every migration is pending. A history {@link #apply} would refuse is refused.
     */
    static QuestDbSchemaStatus status(Connection connection) throws SQLException {
        Map<String, String> queries = SqlResource.named(PgWireReader.QUERIES);
        List<Migration> migrations = migrations();
        Map<Integer, String> applied = Map.of();
        try (PreparedStatement exists = connection.prepareStatement(queries.get("schema.historyExists"))) {
            exists.setString(1, HISTORY);
            try (ResultSet row = exists.executeQuery()) {
                row.next();
                if (row.getLong(1) > 0) {
                    applied = applied(connection, queries);
                }
            }
        }
        check(applied, migrations);
        List<String> pending = new ArrayList<>();
        for (Migration migration : migrations) {
            if (!applied.containsKey(migration.version())) {
                pending.add(migration.name());
            }
        }
        return new QuestDbSchemaStatus(names(applied, migrations), pending);
    }

    /** The file names of the recorded versions, in version order (check() has matched each to a shipped file). */
    private static List<String> names(Map<Integer, String> applied, List<Migration> migrations) {
        return applied.keySet().stream().sorted().map(version -> migrations.get(version - 1).name()).toList();
    }

    private static Map<Integer, String> applied(Connection connection, Map<String, String> queries) throws SQLException {
        Map<Integer, String> applied = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(queries.get("schema.applied")); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(3)); // two processes may both have recorded a version: one entry
            }
        }
        return applied;
    }

    private static void check(Map<Integer, String> applied, List<Migration> migrations) {
        for (Map.Entry<Integer, String> entry : applied.entrySet()) {
            if (entry.getKey() < 1 || entry.getKey() > migrations.size()) {
                throw new PermanentDbException(DbErrorKind.UNSUPPORTED, QuestDbExceptionTranslator.BACKEND, "the QuestDB schema is at version "
                        + entry.getKey() + ", which this code does not know (it knows up to " + migrations.size() + "): a newer release migrated it",
                        null, null);
            }
            Migration migration = migrations.get(entry.getKey() - 1);
            if (!migration.checksum().equals(entry.getValue())) {
                throw new PermanentDbException(DbErrorKind.QUERY, QuestDbExceptionTranslator.BACKEND, "migration " + migration.name()
                        + " changed after it was applied (checksum " + entry.getValue() + " recorded, " + migration.checksum()
                        + " now): never edit an applied migration, add a new one", null, null);
            }
        }
    }

    /**
     * Before V002 a trade saved again at another time became a second row under its id. The earliest row is the
     * trade (the first save wins); the later ones are marked superseded, by (ts, trade_id), which every read skips.
     * QuestDB's UPDATE takes no join or IN (subquery) on a WAL table, hence one UPDATE per row, of which there are few.
     */
    private static void markSupersededTrades(Connection connection, Map<String, String> queries) throws SQLException {
        List<Object[]> later = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(queries.get("schema.laterRowsOfAnId")); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                later.add(new Object[] {rows.getObject(2), rows.getString(1)});
            }
        }
        try (PreparedStatement update = connection.prepareStatement(queries.get("schema.markSuperseded"))) {
            for (Object[] row : later) {
                update.setObject(1, row[0]);
                update.setString(2, (String) row[1]);
                update.execute();
            }
        }
    }

    /** Waits until every WAL table applied the transactions committed before the call. */
    private static void awaitApplied(Connection connection, Map<String, String> queries, Duration timeout, String migration) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> targets = new LinkedHashMap<>();
        long pause = TimeUnit.MILLISECONDS.toNanos(1);
        try (PreparedStatement status = connection.prepareStatement(queries.get("wal.all"))) {
            while (true) {
                boolean caughtUp = true;
                try (ResultSet rows = status.executeQuery()) {
                    while (rows.next()) {
                        String table = rows.getString(1);
                        if (rows.getBoolean(2)) {
                            throw new PermanentDbException(DbErrorKind.QUERY, QuestDbExceptionTranslator.BACKEND, "table " + table
                                    + " was suspended while applying " + migration + ": resume it (ALTER TABLE " + table + " RESUME WAL) and migrate again",
                                    null, null);
                        }
                        if (!targets.containsKey(table)) {
                            targets.put(table, rows.getLong(4));
                        }
                        caughtUp &= rows.getLong(3) >= targets.get(table);
                    }
                }
                if (caughtUp) {
                    return;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new TransientDbException(DbErrorKind.TIMEOUT, QuestDbExceptionTranslator.BACKEND, migration
                            + ": the WAL tables did not apply the migration's statements within " + timeout.toMillis() + " ms; migrating again is safe",
                            null, null);
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
            }
        }
    }

    /** SHA-256 of the statements as parsed (comments and blank lines do not count), hex. */
    static String checksum(List<String> statements) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String statement : statements) {
                digest.update(statement.strip().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) ';');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Every statement of every migration, in order (what {@code migrate --dry-run} prints). */
    static List<String> statements() {
        return migrations().stream().flatMap(migration -> migration.statements().stream()).toList();
    }
}
