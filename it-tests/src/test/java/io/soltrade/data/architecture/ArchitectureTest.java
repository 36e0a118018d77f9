package io.soltrade.data.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
    /** The benchmark's baselines are the raw clients themselves: the one place outside an adapter that uses them. */
    private static final String BENCH = "io.soltrade.data.app.bench..";

    private static final String[] POSTGRES_DRIVERS = {"org.jooq..", "liquibase..", "org.postgresql.."};
    private static final String[] QUESTDB_DRIVERS = {"io.questdb.."};
    private static final String[] REDIS_DRIVERS = {"redis.clients.."};
    private static final String[] JDBC = {"java.sql..", "javax.sql..", "com.zaxxer.hikari.."};

    @ArchTest
    static final ArchRule domainDependsOnTheJdkAlone = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .as("domain depends on nothing but the JDK");

    @ArchTest
    static final ArchRule domainUsesNoJdbc = noClasses().that().resideInAnyPackage(DOMAIN, PORTS)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC)
            .as("domain and ports never touch JDBC (java.sql, javax.sql, connection pools)");

    @ArchTest
    static final ArchRule portsDependOnDomainAlone = classes().that().resideInAPackage(PORTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(PORTS, DOMAIN, "java..")
            .as("ports depend on domain and the JDK alone");

    @ArchTest
    static final ArchRule memoryAdapterStandsAlone = noClasses().that().resideInAPackage(MEMORY)
            .should().dependOnClassesThat().resideInAnyPackage(POSTGRES, QUESTDB, REDIS, APP)
            .as("adapter-memory depends on no other adapter nor on app").allowEmptyShould(true);

    @ArchTest
    static final ArchRule postgresAdapterStandsAlone = noClasses().that().resideInAPackage(POSTGRES)
            .should().dependOnClassesThat().resideInAnyPackage(MEMORY, QUESTDB, REDIS, APP)
            .as("adapter-postgres depends on no other adapter nor on app").allowEmptyShould(true);

    @ArchTest
    static final ArchRule questDbAdapterStandsAlone = noClasses().that().resideInAPackage(QUESTDB)
            .should().dependOnClassesThat().resideInAnyPackage(MEMORY, POSTGRES, REDIS, APP)
            .as("adapter-questdb depends on no other adapter nor on app").allowEmptyShould(true);

    @ArchTest
    static final ArchRule redisAdapterStandsAlone = noClasses().that().resideInAPackage(REDIS)
            .should().dependOnClassesThat().resideInAnyPackage(MEMORY, POSTGRES, QUESTDB, APP)
            .as("adapter-redis depends on no other adapter nor on app").allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyThePostgresAdapterTouchesItsDrivers = noClasses().that().resideOutsideOfPackages(POSTGRES, BENCH)
            .should().dependOnClassesThat().resideInAnyPackage(POSTGRES_DRIVERS)
            .as("only adapter-postgres (and the benchmark's raw baseline) touches jOOQ, Liquibase and pgjdbc");

    @ArchTest
    static final ArchRule onlyTheQuestDbAdapterTouchesItsClient = noClasses().that().resideOutsideOfPackages(QUESTDB, BENCH)
            .should().dependOnClassesThat().resideInAnyPackage(QUESTDB_DRIVERS)
            .as("only adapter-questdb (and the benchmark's raw baseline) touches questdb-client");

    @ArchTest
    static final ArchRule onlyTheRedisAdapterTouchesJedis = noClasses().that().resideOutsideOfPackages(REDIS, BENCH)
            .should().dependOnClassesThat().resideInAnyPackage(REDIS_DRIVERS)
            .as("only adapter-redis (and the benchmark's raw baseline) touches Jedis");

    @ArchTest
    static final ArchRule onlySqlAdaptersTouchJdbc = noClasses().that().resideOutsideOfPackages(POSTGRES, QUESTDB, BENCH)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC)
            .as("only the PostgreSQL and QuestDB adapters (which read over PG wire) and the benchmark's baselines touch JDBC");

    @ArchTest
    static final ArchRule coreKnowsNoAdapter = noClasses().that().resideInAnyPackage(DOMAIN, PORTS)
            .should().dependOnClassesThat().resideInAnyPackage(MEMORY, POSTGRES, QUESTDB, REDIS, APP)
            .as("the core (domain, ports) knows no adapter and no app");

    @ArchTest
    static final ArchRule coreKnowsNoFramework = noClasses().that().resideInAnyPackage(DOMAIN, PORTS)
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "com.fasterxml..", "org.slf4j..", "io.github.resilience4j..")
            .as("the core uses no framework (Guice, Jackson, SLF4J, Resilience4j)");

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
