package io.soltrade.data.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitCallTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Set;

/**
 * The module boundaries of the hexagon, checked on the compiled main classes of every module. Each rule names
 * packages that exist and ArchUnit fails a rule that matches no class, so no rule here can pass vacuously.
 */
@AnalyzeClasses(packages = "io.soltrade.data",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    private static final String DOMAIN = "io.soltrade.data.domain..";
    private static final String PORTS = "io.soltrade.data.ports..";
    private static final String MEMORY = "io.soltrade.data.memory..";
    private static final String POSTGRES = "io.soltrade.data.postgres..";
    private static final String QUESTDB = "io.soltrade.data.questdb..";
    private static final String REDIS = "io.soltrade.data.redis..";
    private static final String APP = "io.soltrade.data.app..";
    private static final String CLI = "io.soltrade.data.cli..";
    /** The benchmark module: its baselines are the raw clients themselves. */
    private static final String BENCH = "io.soltrade.data.bench..";
    private static final String GENERATED_JOOQ = "io.soltrade.data.postgres.schema..";

    private static final DescribedPredicate<JavaCall<?>> PLAIN_SQL_CALL =
            new DescribedPredicate<>("a call to jOOQ's @PlainSQL API") {
                @Override
                public boolean test(JavaCall<?> call) {
                    CodeUnitCallTarget target = call.getTarget();
                    if (!target.getOwner().getPackageName().startsWith("org.jooq")
                            || !target.isAnnotatedWith("org.jooq.PlainSQL")) {
                        return false;
                    }
                    boolean boundTemplate = target.getOwner().getName().equals("org.jooq.impl.DSL")
                            && target.getName().equals("condition")
                            && names(target.getRawParameterTypes()).equals(List.of("java.lang.String", "[Lorg.jooq.QueryPart;"));
                    return !boundTemplate;
                }
            };

    private static final Set<String> SQL_TEXT_METHODS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

    private static final DescribedPredicate<JavaCall<?>> STATEMENT_WITH_SQL_TEXT =
            new DescribedPredicate<>("a java.sql.Statement method given SQL text") {
                @Override
                public boolean test(JavaCall<?> call) {
                    CodeUnitCallTarget target = call.getTarget();
                    List<String> parameters = names(target.getRawParameterTypes());
                    return target.getOwner().isAssignableTo("java.sql.Statement")
                            && SQL_TEXT_METHODS.contains(target.getName())
                            && !parameters.isEmpty() && parameters.get(0).equals("java.lang.String");
                }
            };


    private static final String[] POSTGRES_DRIVERS = {"org.jooq..", "liquibase..", "org.postgresql.."};
    private static final String[] QUESTDB_DRIVERS = {"io.questdb.."};
    private static final String[] REDIS_DRIVERS = {"redis.clients.."};
    /** The JDK the core may use: the language, collections, exact numbers, time, URIs. No SQL, no desktop, no javax. */
    private static final String[] CORE_JDK = {"java.lang..", "java.util..", "java.math..", "java.time..", "java.net..", "java.io..", "java.nio..", "java.text.."};
    private static final String[] JDBC = {"java.sql..", "javax.sql..", "com.zaxxer.hikari.."};
    /** Every driver and raw client: what only the adapters (each its own) and the benchmark's baselines may touch. */
    private static final String[] DRIVERS = concat(concat(concat(POSTGRES_DRIVERS, QUESTDB_DRIVERS), REDIS_DRIVERS), JDBC);
    /** What a library must not impose on its host: a logging backend, a CLI, chart or HTTP-endpoint library. */
    private static final String[] RUNNABLE_TOOLING = {"ch.qos.logback..", "org.apache.logging.log4j.core..", "picocli..", "org.jfree..",
        "io.micrometer.prometheusmetrics..", "io.prometheus..", "com.sun.net.httpserver.."};

    /**
     * No package cycles anywhere: every package of every module is its own slice, so a package may use another
     * only if that one does not use it back, directly or through others. jOOQ's generated schema classes are one
     * slice: the generator's layout (schema, tables, records referring to each other) is not ours to change.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String name = javaClass.getPackageName();
                    if (!name.startsWith("io.soltrade.data.")) {
                        return SliceIdentifier.ignore();
                    }
                    return SliceIdentifier.of(name.startsWith("io.soltrade.data.postgres.schema") ? "io.soltrade.data.postgres.schema (jOOQ generated)" : name);
                }

                @Override
                public String getDescription() {
                    return "every package of io.soltrade.data, jOOQ's generated schema as one";
                }
            }).should().beFreeOfCycles()
            .as("no package of soltrade-data takes part in a dependency cycle");

    @ArchTest
    static final ArchRule domainDependsOnTheJdkAlone = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(CORE_JDK, DOMAIN))
            .as("domain depends on nothing but the JDK");

    @ArchTest
    static final ArchRule domainUsesNoJdbc = noClasses().that().resideInAnyPackage(DOMAIN, PORTS)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC)
            .as("domain and ports never touch JDBC (java.sql, javax.sql, connection pools)");

    @ArchTest
    static final ArchRule portsDependOnDomainAlone = classes().that().resideInAPackage(PORTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(CORE_JDK, PORTS, DOMAIN))
            .as("ports depend on domain and the JDK alone");

    @ArchTest
    static final ArchRule memoryAdapterStandsAlone = noClasses().that().resideInAPackage(MEMORY)
            .should().dependOnClassesThat().resideInAnyPackage(POSTGRES, QUESTDB, REDIS, APP, CLI, BENCH)
            .as("adapter-memory depends on no other adapter nor on app, cli or bench");

    @ArchTest
    static final ArchRule postgresAdapterStandsAlone = noClasses().that().resideInAPackage(POSTGRES)
            .should().dependOnClassesThat().resideInAnyPackage(MEMORY, QUESTDB, REDIS, APP, CLI, BENCH)
            .as("adapter-postgres depends on no other adapter nor on app, cli or bench");

    @ArchTest
    static final ArchRule questDbAdapterStandsAlone = noClasses().that().resideInAPackage(QUESTDB)
            .should().dependOnClassesThat().resideInAnyPackage(MEMORY, POSTGRES, REDIS, APP, CLI, BENCH)
            .as("adapter-questdb depends on no other adapter nor on app, cli or bench");

    @ArchTest
    static final ArchRule redisAdapterStandsAlone = noClasses().that().resideInAPackage(REDIS)
            .should().dependOnClassesThat().resideInAnyPackage(MEMORY, POSTGRES, QUESTDB, APP, CLI, BENCH)
            .as("adapter-redis depends on no other adapter nor on app, cli or bench");

    @ArchTest
    static final ArchRule noOtherAdapterTouchesThePostgresDrivers = noClasses().that().resideInAnyPackage(MEMORY, QUESTDB, REDIS)
            .should().dependOnClassesThat().resideInAnyPackage(POSTGRES_DRIVERS)
            .as("among the adapters, only adapter-postgres touches jOOQ, Liquibase and pgjdbc");

    @ArchTest
    static final ArchRule noOtherAdapterTouchesTheQuestDbClient = noClasses().that().resideInAnyPackage(MEMORY, POSTGRES, REDIS)
            .should().dependOnClassesThat().resideInAnyPackage(QUESTDB_DRIVERS)
            .as("among the adapters, only adapter-questdb touches questdb-client");

    @ArchTest
    static final ArchRule noOtherAdapterTouchesJedis = noClasses().that().resideInAnyPackage(MEMORY, POSTGRES, QUESTDB)
            .should().dependOnClassesThat().resideInAnyPackage(REDIS_DRIVERS)
            .as("among the adapters, only adapter-redis touches Jedis");

    @ArchTest
    static final ArchRule noOtherAdapterTouchesJdbc = noClasses().that().resideInAnyPackage(MEMORY, REDIS)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC)
            .as("among the adapters, only the PostgreSQL and QuestDB adapters (which read over PG wire) touch JDBC");

    /**
     * The drivers live in the adapters. The one module beside them that uses raw clients is bench, whose baselines
     * are those clients (Jedis, the ILP Sender, pgjdbc's CopyManager, a plain HikariCP pool); every other package,
     * of a module that exists now or is added later, reaches a backend through the ports.
     */
    @ArchTest
    static final ArchRule onlyTheAdaptersAndTheBenchmarkTouchDrivers = noClasses().that().resideOutsideOfPackages(POSTGRES, QUESTDB, REDIS, BENCH)
            .should().dependOnClassesThat().resideInAnyPackage(DRIVERS)
            .as("only the adapters and bench (the raw-client baselines) touch a driver or raw client");

    @ArchTest
    static final ArchRule appTouchesNoDriver = noClasses().that().resideInAPackage(APP)
            .should().dependOnClassesThat().resideInAnyPackage(DRIVERS)
            .as("app, the library hosts install, references no driver type (Jedis, questdb-client, pgjdbc, JDBC, HikariCP, jOOQ, Liquibase)");

    @ArchTest
    static final ArchRule appImposesNoToolingOnItsHost = noClasses().that().resideInAPackage(APP)
            .should().dependOnClassesThat().resideInAnyPackage(RUNNABLE_TOOLING)
            .as("app uses no logging backend, CLI, chart, Prometheus or HTTP-server library (those are cli's)");

    @ArchTest
    static final ArchRule appKnowsNoCommandLineNorBenchmark = noClasses().that().resideInAnyPackage(DOMAIN, PORTS, MEMORY, POSTGRES, QUESTDB, REDIS, APP)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, BENCH)
            .as("the library (core, adapters, app) knows neither cli nor bench");

    @ArchTest
    static final ArchRule onlyTheCommandLineRunsTheBenchmark = noClasses().that().resideOutsideOfPackages(BENCH, CLI)
            .should().dependOnClassesThat().resideInAPackage(BENCH)
            .as("only cli (its bench command) uses bench");

    @ArchTest
    static final ArchRule coreKnowsNoAdapter = noClasses().that().resideInAnyPackage(DOMAIN, PORTS)
            .should().dependOnClassesThat().resideInAnyPackage(MEMORY, POSTGRES, QUESTDB, REDIS, APP, CLI, BENCH)
            .as("the core (domain, ports) knows no adapter, no app, cli or bench");

    @ArchTest
    static final ArchRule coreKnowsNoFramework = noClasses().that().resideInAnyPackage(DOMAIN, PORTS)
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "com.fasterxml..", "org.slf4j..", "io.github.resilience4j..",
                    "io.micrometer..")
            .as("the core uses no framework (Guice, Jackson, SLF4J, Resilience4j, Micrometer)");

    /**
     * SQL text never comes from strings built at run time. jOOQ marks every method that takes SQL text with
     * {@code @PlainSQL}; the one use allowed is a {@code DSL.condition(template, parts...)} whose values are all
     * query parts (bound parameters or generated fields), the jOOQ way to use an operator it has no method for
     * (PostgreSQL's {@code jsonb @>}). jOOQ's generated table classes are left out: they are the generator's code,
     * regenerated from the schema, and only pass the caller's arguments on.
     */
    @ArchTest
    static final ArchRule noPlainSqlThroughJooq = noClasses().that().resideOutsideOfPackage(GENERATED_JOOQ)
            .should().callCodeUnitWhere(PLAIN_SQL_CALL)
            .as("no SQL text reaches jOOQ's plain-SQL API (but a condition template of bound parts)");

    /**
     * JDBC SQL text goes through {@code PreparedStatement} with bound parameters; a plain {@code Statement} runs
     * only the checked-in QuestDB schema (DDL read from a resource, which PG wire cannot prepare).
     */
    @ArchTest
    static final ArchRule noSqlTextThroughPlainStatements = noClasses().that()
            .doNotHaveFullyQualifiedName("io.soltrade.data.questdb.SchemaApplier")
            .should().callCodeUnitWhere(STATEMENT_WITH_SQL_TEXT)
            .as("no SQL text through java.sql.Statement (only the checked-in QuestDB schema applier)");

    private static String[] concat(String[] packages, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(packages), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    private static List<String> names(List<JavaClass> types) {
        return types.stream().map(JavaClass::getName).toList();
    }

    /**
     * Test-jars (the ports' contract kits, the adapters' server fixtures) are test code on the classpath as jars,
     * which {@link ImportOption.DoNotIncludeTests} (a class-folder check) lets through.
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
