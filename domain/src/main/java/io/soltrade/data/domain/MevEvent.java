package io.soltrade.data.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A sandwich-attack assessment for one trade: the predicted probability and loss before sending, the actual
 * loss and outcome after. {@code id} is the natural key; losses are lamports. {@code tradeId} names the trade it
 * assessed (empty for an assessment of a trade that was never sent, or recorded before trades were linked).
 */
public record MevEvent(
        UUID id,
        Instant detectedAt,
        TraderId trader,
        Pubkey token,
        Optional<TxSignature> victimSignature,
        double sandwichProbability,
        TokenAmount predictedLoss,
        TokenAmount actualLoss,
        MevOutcome outcome,
        Optional<TradeId> tradeId) {

    public MevEvent {
        Checks.notNull(id, "id");
        detectedAt = Checks.timestamp(detectedAt, "detectedAt");
        Checks.notNull(trader, "trader");
        Checks.notNull(token, "token");
        Checks.notNull(victimSignature, "victimSignature");
        Checks.inRange(sandwichProbability, "sandwichProbability", 0.0, 1.0);
        Checks.notNull(predictedLoss, "predictedLoss");
        Checks.notNull(actualLoss, "actualLoss");
        Checks.notNull(outcome, "outcome");
        Checks.notNull(tradeId, "tradeId");
        if (outcome != MevOutcome.SANDWICHED && !actualLoss.isZero()) {
            throw new DomainValidationException("actualLoss", "is " + actualLoss + " but outcome is " + outcome + ": only a sandwiched trade loses to MEV");
        }
    }

    /** An assessment not linked to a trade. */
    public MevEvent(UUID id, Instant detectedAt, TraderId trader, Pubkey token, Optional<TxSignature> victimSignature,
            double sandwichProbability, TokenAmount predictedLoss, TokenAmount actualLoss, MevOutcome outcome) {
        this(id, detectedAt, trader, token, victimSignature, sandwichProbability, predictedLoss, actualLoss, outcome, Optional.empty());
    }

    /** This assessment linked to the trade it assessed. */
    public MevEvent forTrade(TradeId trade) {
        Checks.notNull(trade, "trade");
        return new MevEvent(id, detectedAt, trader, token, victimSignature, sandwichProbability, predictedLoss, actualLoss, outcome, Optional.of(trade));
    }
}
