package io.soltrade.data.questdb;

import io.soltrade.data.domain.MevEvent;

/** A sandwich-attack assessment as one row of {@code mev_events}; a missing victim signature or trade id is NULL. */
enum MevEventRowEncoder implements RowEncoder<MevEvent> {
    INSTANCE;

    static final String TABLE = "mev_events";

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public void encode(MevEvent event, RowSink sink) {
        sink.table(TABLE)
                .symbol("trader", event.trader().value())
                .symbol("token", event.token().base58())
                .symbol("outcome", event.outcome().name())
                .varchar("event_id", event.id().toString());
        event.victimSignature().ifPresent(signature -> sink.varchar("victim_signature", signature.base58()));
        event.tradeId().ifPresent(trade -> sink.varchar("trade_id", trade.naturalKey()));
        sink.doubleColumn("sandwich_probability", event.sandwichProbability())
                .unsignedDecimal("predicted_loss", event.predictedLoss().unsignedBits())
                .unsignedDecimal("actual_loss", event.actualLoss().unsignedBits())
                .at(event.detectedAt());
    }
}
