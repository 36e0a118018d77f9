package io.soltrade.data.app;

/** What {@code migrate} does per backend; the SQL comes from the adapters. */
interface Migrations {

    /** Applies the schema (or, dry, returns its SQL) and returns what to print. */
    String apply(boolean dryRun);

    static Migrations of(DataLayerConfig config, Backend backend) {
        return switch (backend) {
            case MEMORY -> dryRun -> "memory: nothing to migrate";
            case POSTGRES, QUESTDB, REDIS -> {
                new AdapterModules(config).moduleFor(backend);
                yield dryRun -> backend.key() + ": nothing to migrate";
            }
        };
    }
}
