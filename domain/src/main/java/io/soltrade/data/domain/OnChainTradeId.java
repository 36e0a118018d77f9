package io.soltrade.data.domain;

/** One instruction of one confirmed transaction: the key of a live trade. */
public record OnChainTradeId(TxSignature signature, int instructionIndex) implements TradeId {
    /** Solana transactions are at most 1232 bytes, so far fewer instructions than this fit in one. */
    public static final int MAX_INSTRUCTION_INDEX = 255;

    public OnChainTradeId {
        Checks.notNull(signature, "signature");
        Checks.inRange(instructionIndex, "instructionIndex", 0, MAX_INSTRUCTION_INDEX);
    }

    @Override
    public String naturalKey() {
        return signature.base58() + ":" + instructionIndex;
    }

    @Override
    public String toString() {
        return naturalKey();
    }
}
