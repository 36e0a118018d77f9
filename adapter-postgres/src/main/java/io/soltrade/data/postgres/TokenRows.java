package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.TOKENS;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.postgres.schema.tables.records.TokensRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/** The {@code tokens} table: token metadata, Token-2022 extensions as JSONB. */
final class TokenRows {
    private TokenRows() {}

    static Optional<TokenMetadata> find(DSLContext dsl, Pubkey mint, boolean lockForUpdate) {
        var query = dsl.selectFrom(TOKENS).where(TOKENS.MINT.eq(mint.base58()));
        return Optional.ofNullable(lockForUpdate ? query.forUpdate().fetchOne() : query.fetchOne()).map(TokenRows::toToken);
    }

    /** Inserts the token unless its mint is stored; whether it was inserted. */
    static boolean insertIfAbsent(DSLContext dsl, TokenMetadata token, Instant now) {
        return dsl.insertInto(TOKENS)
                .set(TOKENS.MINT, token.mint().base58())
                .set(TOKENS.SYMBOL, token.symbol().value())
                .set(TOKENS.NAME, token.name())
                .set(TOKENS.DECIMALS, (short) token.decimals())
                .set(TOKENS.PROGRAM, token.program().name())
                .set(TOKENS.EXTENSIONS, TokenExtensionJson.toJsonb(token.extensions()))
                .set(TOKENS.CREATED_AT, Timestamps.toColumn(now))
                .set(TOKENS.UPDATED_AT, Timestamps.toColumn(now))
                .onConflictDoNothing()
                .execute() == 1;
    }

    static void update(DSLContext dsl, TokenMetadata token, Instant now) {
        dsl.update(TOKENS)
                .set(TOKENS.SYMBOL, token.symbol().value())
                .set(TOKENS.NAME, token.name())
                .set(TOKENS.DECIMALS, (short) token.decimals())
                .set(TOKENS.PROGRAM, token.program().name())
                .set(TOKENS.EXTENSIONS, TokenExtensionJson.toJsonb(token.extensions()))
                .set(TOKENS.UPDATED_AT, DSL.greatest(TOKENS.CREATED_AT, DSL.val(Timestamps.toColumn(now))))
                .where(TOKENS.MINT.eq(token.mint().base58()))
                .execute();
    }

    /** Served by the hash index {@code tokens_by_symbol}; mints in code-point order. */
    static List<TokenMetadata> bySymbol(DSLContext dsl, TokenSymbol symbol, int limit) {
        return dsl.selectFrom(TOKENS)
                .where(TOKENS.SYMBOL.eq(symbol.value()))
                .orderBy(TOKENS.MINT.collate(DSL.collation(DSL.name("C"))))
                .limit(limit)
                .fetch(TokenRows::toToken);
    }

    static List<TokenMetadata> withExtension(DSLContext dsl, ExtensionType type, int limit) {
        return withExtensionQuery(dsl, type, limit).fetch(TokenRows::toToken);
    }

    /**
     * Served by the GIN index: {@code extensions @> '[{"type": "<type>"}]'}. jOOQ has no JSONB containment
     * operator, so the condition is a fixed template whose operands are the column and a bind value.
     */
    static ResultQuery<TokensRecord> withExtensionQuery(DSLContext dsl, ExtensionType type, int limit) {
        return dsl.selectFrom(TOKENS)
                .where(DSL.condition("{0} @> {1}", TOKENS.EXTENSIONS, DSL.val(TokenExtensionJson.containing(type))))
                .orderBy(TOKENS.MINT)
                .limit(limit);
    }

    private static TokenMetadata toToken(TokensRecord row) {
        return StoredRows.decode("token " + row.getMint(), () -> new TokenMetadata(
                Pubkey.of(row.getMint()),
                TokenSymbol.of(row.getSymbol()),
                row.getName(),
                row.getDecimals(),
                TokenProgram.valueOf(row.getProgram()),
                TokenExtensionJson.fromJsonb(row.getExtensions())));
    }
}
