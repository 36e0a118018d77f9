package io.soltrade.data.reliability.badinput;

import static io.soltrade.data.reliability.badinput.BadArguments.badLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenMetadataExtension;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.ports.ConfigOperations;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every entry point of {@link ConfigStore} with arguments it must refuse, alone and inside a unit of work (where
 * the refusal must undo the unit's earlier valid writes, audit entries included, and leave the connection clean);
 * and hostile text in every free-text field the domain accepts (token names, on-chain metadata, trader settings,
 * RPC endpoints), stored and read back byte for byte, with a well-formed audit entry.
 */
public abstract class ConfigStoreBadInput extends BadInputKit<ConfigStore> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call of the configuration operations with a bad argument. */
    private record BadOperation(String description, Consumer<ConfigOperations> call) {}

    @Override
    protected Arbitrary<RejectedCall<ConfigStore>> rejectedCalls() {
        return Arbitraries.oneOf(
                badOperations().map(bad -> RejectedCall.<ConfigStore>ofVoid(bad.description(), bad.call()::accept)),
                badOperations().map(ConfigStoreBadInput::insideUnitOfWork),
                Arbitraries.of(RejectedCall.<ConfigStore>of("inTransaction(null)", store -> store.inTransaction(null))));
    }

    private static Arbitrary<BadOperation> badOperations() {
        Actor actor = Actor.of("bad-input");
        TimeRange range = ContractFixtures.window(ContractFixtures.windowStart(), Duration.ofHours(1));
        List<BadOperation> nulls = List.of(
                new BadOperation("upsertToken(null, actor)", ops -> ops.upsertToken(null, actor)),
                new BadOperation("upsertToken(token, null)", ops -> ops.upsertToken(ContractFixtures.splToken(), null)),
                new BadOperation("findToken(null)", ops -> ops.findToken(null)),
                new BadOperation("findTokensWithExtension(null, 10)", ops -> ops.findTokensWithExtension(null, 10)),
                new BadOperation("findTokensBySymbol(null, 10)", ops -> ops.findTokensBySymbol(null, 10)),
                new BadOperation("saveTraderConfig(null, actor)", ops -> ops.saveTraderConfig(null, actor)),
                new BadOperation("saveTraderConfig(config, null)", ops -> ops.saveTraderConfig(ContractFixtures.traderConfig(ContractFixtures.traderId()), null)),
                new BadOperation("findTraderConfig(null)", ops -> ops.findTraderConfig(null)),
                new BadOperation("saveOrderRule(null, actor)", ops -> ops.saveOrderRule(null, actor)),
                new BadOperation("saveOrderRule(rule, null)", ops -> ops.saveOrderRule(
                        ContractFixtures.stopLoss(ContractFixtures.traderId(), ContractFixtures.pubkey(), ContractFixtures.now()), null)),
                new BadOperation("findOrderRule(null)", ops -> ops.findOrderRule(null)),
                new BadOperation("activeRules(null)", ops -> ops.activeRules(null)),
                new BadOperation("rulesOf(null, 10)", ops -> ops.rulesOf(null, 10)),
                new BadOperation("trigger(null, at, actor)", ops -> ops.trigger(null, Instant.now(), actor)),
                new BadOperation("trigger(id, null, actor)", ops -> ops.trigger(UUID.randomUUID(), null, actor)),
                new BadOperation("trigger(id, at, null)", ops -> ops.trigger(UUID.randomUUID(), Instant.now(), null)),
                new BadOperation("cancel(null, at, actor)", ops -> ops.cancel(null, Instant.now(), actor)),
                new BadOperation("cancel(id, null, actor)", ops -> ops.cancel(UUID.randomUUID(), null, actor)),
                new BadOperation("cancel(id, at, null)", ops -> ops.cancel(UUID.randomUUID(), Instant.now(), null)),
                new BadOperation("recordNodeHealth(null)", ops -> ops.recordNodeHealth(null)),
                new BadOperation("findNodeHealth(null)", ops -> ops.findNodeHealth(null)),
                new BadOperation("nodeHealthHistory(null, range, 10)", ops -> ops.nodeHealthHistory(null, range, 10)),
                new BadOperation("nodeHealthHistory(node, null, 10)", ops -> ops.nodeHealthHistory(ContractFixtures.nodeId(), null, 10)),
                new BadOperation("auditTrail(null, id, 10)", ops -> ops.auditTrail(null, "x", 10)),
                new BadOperation("auditTrail(type, null, 10)", ops -> ops.auditTrail("token", null, 10)));
        return Arbitraries.oneOf(
                Arbitraries.of(nulls),
                badLimits().flatMap(limit -> Arbitraries.of(
                        new BadOperation("findTokensWithExtension(type, " + limit + ")", ops -> ops.findTokensWithExtension(ExtensionType.TRANSFER_FEE_CONFIG, limit)),
                        new BadOperation("rulesOf(trader, " + limit + ")", ops -> ops.rulesOf(ContractFixtures.traderId(), limit)),
                        new BadOperation("nodeHealthHistory(node, range, " + limit + ")", ops -> ops.nodeHealthHistory(ContractFixtures.nodeId(), range, limit)),
                        new BadOperation("auditTrail(type, id, " + limit + ")", ops -> ops.auditTrail("token", "x", limit)))));
    }

    /** A valid token upsert, then the bad call, in one unit: the refusal undoes the upsert and its audit entry. */
    private static RejectedCall<ConfigStore> insideUnitOfWork(BadOperation bad) {
        TokenMetadata token = ContractFixtures.splToken();
        return RejectedCall.ofVoid("inTransaction(upsertToken, " + bad.description() + ")", store -> store.inTransaction(ops -> {
            ops.upsertToken(token, Actor.of("bad-input"));
            bad.call().accept(ops);
            return null;
        }), store -> {
            assertThat(store.findToken(token.mint())).as("token upserted before the refused call in the same unit").isEmpty();
            assertThat(store.auditTrail("token", token.mint().base58(), 10)).as("its audit entry").isEmpty();
        });
    }

    /**
     * Hostile token names and on-chain metadata (name, symbol, uri, additional fields) are stored and read back
     * equal, byte for byte; the audit entry of the upsert is well-formed JSON that carries the name.
     */
    @Property(tries = 150)
    void hostileTokenTextRoundTrips(@ForAll("plainName") String name, @ForAll("onChainText") String metadataName,
                                    @ForAll("onChainText") String uri,
                                    @ForAll @Size(max = 4) List<@From("onChainText") String> additional) {
        ConfigStore store = port();
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < additional.size(); i++) {
            fields.put(HostileText.truncate(additional.get(i), 9_000) + "#" + i, additional.get((i + 1) % additional.size()));
        }
        TokenMetadata skeleton = ContractFixtures.token2022(List.of());
        TokenMetadata token = new TokenMetadata(skeleton.mint(), skeleton.symbol(), name, 6, TokenProgram.TOKEN_2022,
                List.of(new TokenMetadataExtension(Optional.of(ContractFixtures.pubkey()), skeleton.mint(), metadataName, metadataName, uri, fields)));
        store.upsertToken(token, Actor.of("bad-input"));
        TokenMetadata read = store.findToken(token.mint()).orElseThrow();
        assertThat(read).isEqualTo(token);
        assertThat(read.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<AuditEntry> trail = store.auditTrail("token", token.mint().base58(), 10);
        assertThat(trail).hasSize(1);
        assertThat(textNodes(trail.get(0).afterJson().orElseThrow())).as("text in the audit JSON").contains(name);
    }

    /** Hostile trader settings values are stored and read back equal; a second save bumps the version once. */
    @Property(tries = 150)
    void hostileSettingsRoundTrip(@ForAll @Size(min = 1, max = 6) List<@From("settingValue") String> values) {
        ConfigStore store = port();
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            settings.put("setting." + i, values.get(i));
        }
        TraderId trader = ContractFixtures.traderId();
        TraderConfig template = ContractFixtures.traderConfig(trader);
        TraderConfig config = TraderConfig.of(trader, template.mode(), template.limits(), template.mevProtection(), settings);
        TraderConfig saved = store.saveTraderConfig(config, Actor.of("bad-input"));
        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.findTraderConfig(trader)).contains(saved);
        assertThat(store.findTraderConfig(trader).orElseThrow().settings()).isEqualTo(config.settings());
        assertThat(textNodes(store.auditTrail("trader_config", trader.value(), 10).get(0).afterJson().orElseThrow())).containsAll(values);
    }

    /** RPC endpoints with hostile (percent-encoded) paths and queries are stored and read back equal. */
    @Property(tries = 150)
    void hostileEndpointsRoundTrip(@ForAll("endpoint") URI endpoint) {
        ConfigStore store = port();
        NodeHealth health = new NodeHealth(ContractFixtures.nodeId(), endpoint, Duration.ofMillis(12), 3, 0,
                io.soltrade.data.domain.CircuitState.CLOSED, ContractFixtures.windowStart());
        store.recordNodeHealth(health);
        assertThat(store.findNodeHealth(health.nodeId())).contains(health);
        assertThat(store.findNodeHealth(health.nodeId()).orElseThrow().endpoint().toString()).isEqualTo(endpoint.toString());
    }

    /**
     * Hostile text in the lookups that take free strings (audit trail, node health) finds nothing or is refused as
     * bad input, and leaves the store usable.
     */
    @Property
    void hostileLookupsFindNothing(@ForAll("anyText") String entityType, @ForAll("anyText") String entityId) {
        ConfigStore store = port();
        TimeRange range = TimeRange.of(Instant.EPOCH, Instant.parse("2200-01-01T00:00:00Z"));
        findsNothing("auditTrail", () -> store.auditTrail(entityType, entityId, 10));
        findsNothing("auditTrail", () -> store.auditTrail("token", entityId, 10));
        findsNothing("findNodeHealth", () -> store.findNodeHealth(entityId).stream().toList());
        findsNothing("nodeHealthHistory", () -> store.nodeHealthHistory(entityId, range, 10));
        validReadSucceeds(store);
    }

    private static void findsNothing(String query, java.util.function.Supplier<List<?>> lookup) {
        Throwable thrown = catchThrowable(() -> assertThat(lookup.get()).as(query).isEmpty());
        if (thrown instanceof DbException db) {
            assertThat(db.kind()).as("%s: %s", query, db).isEqualTo(DbErrorKind.INVALID_INPUT);
        } else if (thrown != null) {
            throw new AssertionError(query, thrown);
        }
    }

    @Provide
    Arbitrary<String> plainName() {
        return HostileText.acceptedBy(128, value -> HostileText.isPlainText(value, 128));
    }

    @Provide
    Arbitrary<String> onChainText() {
        return Arbitraries.oneOf(HostileText.acceptedBy(TokenMetadataExtension.MAX_TEXT_LENGTH,
                        value -> HostileText.isOnChainText(value, TokenMetadataExtension.MAX_TEXT_LENGTH)),
                Arbitraries.just(""),
                Arbitraries.strings().withChars("\u0001\t\r\n\u007F\\\"'").ofMinLength(1).ofMaxLength(50));
    }

    @Provide
    Arbitrary<String> settingValue() {
        return HostileText.acceptedBy(1024, value -> HostileText.isPlainText(value, 1024));
    }

    @Provide
    Arbitrary<String> anyText() {
        return HostileText.upTo(200);
    }

    @Provide
    Arbitrary<URI> endpoint() {
        return net.jqwik.api.Combinators.combine(HostileText.upTo(100), HostileText.upTo(100)).as((path, query) -> {
            try {
                return new URI("https", null, "rpc.example.com", 8899, "/" + path, query, null);
            } catch (URISyntaxException e) {
                return null;
            }
        }).filter(uri -> uri != null && accepted(uri));
    }

    private static boolean accepted(URI endpoint) {
        try {
            new NodeHealth("probe", endpoint, Duration.ZERO, 0, 0, io.soltrade.data.domain.CircuitState.CLOSED, Instant.EPOCH);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> textNodes(String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit entry is not well-formed JSON: " + json, e);
        }
        List<String> texts = new ArrayList<>();
        collect(tree, texts);
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.textValue());
        }
        node.fieldNames().forEachRemaining(texts::add);
        node.elements().forEachRemaining(child -> collect(child, texts));
    }

    @Override
    protected void validReadSucceeds(ConfigStore store) {
        assertThat(store.findToken(ContractFixtures.pubkey())).isEmpty();
    }

    @Override
    protected void validWriteSucceeds(ConfigStore store) {
        OrderRule rule = ContractFixtures.stopLoss(ContractFixtures.traderId(), ContractFixtures.pubkey(), ContractFixtures.now());
        TokenMetadata token = new TokenMetadata(rule.token(), ContractFixtures.symbol(), "valid", 9, TokenProgram.SPL_TOKEN, List.of());
        store.inTransaction(ops -> {
            ops.upsertToken(token, Actor.of("bad-input"));
            ops.saveTraderConfig(ContractFixtures.traderConfig(rule.trader()), Actor.of("bad-input"));
            ops.saveOrderRule(rule, Actor.of("bad-input"));
            return null;
        });
        assertThat(store.findOrderRule(rule.id())).contains(rule);
        assertThat(store.trigger(rule.id(), ContractFixtures.now(), Actor.of("bad-input"))).isPresent();
    }
}
