package io.soltrade.data.postgres;

import io.soltrade.data.postgres.testing.TestingPostgres;
import java.nio.file.Path;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

/**
 * Regenerates the checked-in jOOQ classes ({@code io.soltrade.data.postgres.schema}) from a real PostgreSQL:
 * applies the Liquibase changelog to a fresh schema of the {@link TestingPostgres} server, reads it back with
 * jOOQ's PostgresDatabase and writes the classes as if the schema were named {@value PostgresSettings#DEFAULT_SCHEMA};
 * at run time the adapter maps that name to the configured schema. Reading a real server (not jOOQ's
 * DDLDatabase, which parses the DDL with H2) keeps jsonb, numeric(20,0), generated columns and CHECKs exact.
 *
 * <p>Run through {@code adapter-postgres/regenerate-schema-classes.sh}; the argument is the source root.
 */
public final class RegenerateSchemaClasses {
    static final String PACKAGE = "io.soltrade.data.postgres.schema";

    private RegenerateSchemaClasses() {}

    public static void main(String[] args) throws Exception {
        Path sourceRoot = Path.of(args.length > 0 ? args[0] : "adapter-postgres/src/main/java").toAbsolutePath();
        try (TestingPostgres postgres = TestingPostgres.start()) {
            PostgresSettings settings = postgres.settings(1);
            try (PostgresConnectionPool pool = new PostgresConnectionPool(settings)) {
                new PostgresMigrations(pool).migrate();
            }
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(postgres.url()).withUser(postgres.user())
                            .withPassword(settings.effectivePassword(System.getenv())))
                    .withGenerator(new Generator()
                            .withName("org.jooq.codegen.JavaGenerator")
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withSchemata(new SchemaMappingType().withInputSchema(settings.schema()).withOutputSchema(PostgresSettings.DEFAULT_SCHEMA))
                                    .withExcludes("databasechangelog|databasechangeloglock")
                                    .withIncludeRoutines(false)
                                    .withIncludeSequences(false))
                            .withGenerate(new Generate()
                                    .withGeneratedAnnotation(false)
                                    .withJavaTimeTypes(true)
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withGlobalObjectReferences(true))
                            .withTarget(new Target().withPackageName(PACKAGE).withDirectory(sourceRoot.toString()).withClean(true))));
            System.out.println("Regenerated " + PACKAGE + " under " + sourceRoot + " from schema " + settings.schema() + " on " + postgres.url());
        }
    }
}
