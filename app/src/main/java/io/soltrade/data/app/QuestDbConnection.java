package io.soltrade.data.app;

import java.util.regex.Pattern;

/**
 * How to reach QuestDB ({@code soltrade.questdb}): writes go over ILP, configured by a questdb-client
 * configuration string ({@code http::addr=host:9000;}, which may carry a token, hence a {@link Secret}); reads go
 * over QuestDB's PostgreSQL wire endpoint.
 */
public record QuestDbConnection(
        Secret ilp,
        String pgUrl,
        String pgUser,
        Secret pgPassword,
        int poolSize,
        boolean createSchemaOnStart) {
    private static final Pattern ILP = Pattern.compile("(?s)(http|https|tcp|tcps)::.*\\baddr=[^;]+;?.*");

    public QuestDbConnection {
        ConfigChecks.present(ilp, "soltrade.questdb.ilp");
        if (!ILP.matcher(ilp.reveal()).matches()) {
            throw new ConfigurationException("soltrade.questdb.ilp", "'" + Secret.mask(ilp.reveal())
                    + "' is not a questdb-client configuration string (e.g. http::addr=localhost:9000;)");
        }
        ConfigChecks.jdbcPostgresUrl(pgUrl, "soltrade.questdb.pg-url");
        ConfigChecks.nonBlank(pgUser, "soltrade.questdb.pg-user");
        ConfigChecks.present(pgPassword, "soltrade.questdb.pg-password");
        ConfigChecks.between(poolSize, "soltrade.questdb.pool-size", 1, 1_000);
    }

    @Override
    public String toString() {
        return "QuestDbConnection[ilp=" + Secret.mask(ilp.reveal()) + ", pgUrl=" + Secret.mask(pgUrl) + ", pgUser=" + pgUser
                + ", pgPassword=" + pgPassword + ", poolSize=" + poolSize + ", createSchemaOnStart=" + createSchemaOnStart + "]";
    }
}
