package io.soltrade.data.questdb;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The PG wire connections of several QuestDB endpoints: {@code pgUrl} lists one host per ILP endpoint, in the same
 * order ({@code jdbc:postgresql://a:8812,b:8812/qdb}), and each new connection goes to the host of the endpoint the
 * writes go to, the others following as pgjdbc's fall-backs. So reads (and the trade intake's lookups) follow the
 * writer when it fails over; the pool evicts its connections on a switch ({@link QuestDbModule}).
 */
final class FollowingPgDataSource implements DataSource {
    private final String prefix;
    private final List<String> hosts;
    private final String suffix;
    private final QuestDbEndpoints endpoints;
    private final Properties properties;
    /** -1: follow the endpoint in use, with the other hosts as fall-backs; else always this endpoint's host alone. */
    private final int pinned;

    FollowingPgDataSource(String pgUrl, QuestDbEndpoints endpoints, Properties properties) {
        this(pgUrl, endpoints, properties, -1);
    }

    /** Connections to one endpoint's host alone, logging in with {@code properties}: for work that must happen there. */
    static FollowingPgDataSource pinned(String pgUrl, QuestDbEndpoints endpoints, Properties properties, int endpoint) {
        return new FollowingPgDataSource(pgUrl, endpoints, properties, endpoint);
    }

    private FollowingPgDataSource(String pgUrl, QuestDbEndpoints endpoints, Properties properties, int pinned) {
        this.pinned = pinned;
        this.hosts = hosts(pgUrl);
        int hostsStart = pgUrl.indexOf("//") + 2;
        int hostsEnd = pgUrl.indexOf('/', hostsStart);
        this.prefix = pgUrl.substring(0, hostsStart);
        this.suffix = hostsEnd < 0 ? "/" : pgUrl.substring(hostsEnd);
        this.endpoints = endpoints;
        this.properties = properties;
        if (hosts.size() != endpoints.size()) {
            throw new IllegalArgumentException("questdb setting pgUrl lists " + hosts.size() + " hosts for " + endpoints.size()
                    + " ILP endpoints; list one PG wire host per addr=, in the same order");
        }
    }

    /** The {@code host:port} entries of a {@code jdbc:postgresql://} URL, in order. */
    static List<String> hosts(String pgUrl) {
        int hostsStart = pgUrl.indexOf("//") + 2;
        int hostsEnd = pgUrl.indexOf('/', hostsStart);
        String list = hostsEnd < 0 ? pgUrl.substring(hostsStart) : pgUrl.substring(hostsStart, hostsEnd);
        List<String> hosts = new ArrayList<>();
        for (String host : list.split(",")) {
            if (!host.isBlank()) {
                hosts.add(host.strip());
            }
        }
        return hosts;
    }

    /** The URL whose first host is the endpoint's own, then the others in order. */
    String url(int endpoint) {
        List<String> ordered = new ArrayList<>(hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            ordered.add(hosts.get((endpoint + i) % hosts.size()));
        }
        return prefix + String.join(",", ordered) + suffix;
    }

    /** The URL of the endpoint's host alone (no fall-back): for work that must happen on that node. */
    String urlOnly(int endpoint) {
        return prefix + hosts.get(endpoint) + suffix;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(currentUrl(), properties);
    }

    private String currentUrl() {
        return pinned < 0 ? url(endpoints.current()) : urlOnly(pinned);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties withLogin = new Properties();
        withLogin.putAll(properties);
        withLogin.setProperty("user", username);
        withLogin.setProperty("password", password);
        return DriverManager.getConnection(currentUrl(), withLogin);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver logging through the data source: pgjdbc logs through java.util.logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the pool bounds connecting (connectionTimeout)
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
