package io.soltrade.data.domain;

/**
 * A trade's natural key, which makes every write of it idempotent: a live trade is one instruction of one
 * transaction; a paper trade has the id its client gave it.
 */
public sealed interface TradeId permits OnChainTradeId, PaperTradeId {

    /** The stable text form stored as the idempotency key: {@code <signature>:<index>} or {@code paper:<clientId>}. */
    String naturalKey();

    /** The inverse of {@link #naturalKey()}. */
    static TradeId parse(String naturalKey) {
        Checks.notNull(naturalKey, "tradeId");
        if (naturalKey.startsWith(PaperTradeId.PREFIX)) {
            return new PaperTradeId(naturalKey.substring(PaperTradeId.PREFIX.length()));
        }
        int colon = naturalKey.lastIndexOf(':');
        if (colon < 0) {
            throw new DomainValidationException("tradeId", "'" + Checks.printable(naturalKey) + "' is neither <signature>:<index> nor paper:<clientId>");
        }
        String indexText = naturalKey.substring(colon + 1);
        if (!indexText.matches("0|[1-9][0-9]{0,2}")) {
            throw new DomainValidationException("tradeId", "'" + Checks.printable(naturalKey) + "' has no canonical numeric instruction index");
        }
        int index = Integer.parseInt(indexText);
        return new OnChainTradeId(new TxSignature(naturalKey.substring(0, colon)), index);
    }
}
