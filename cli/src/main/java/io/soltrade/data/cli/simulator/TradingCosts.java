package io.soltrade.data.cli.simulator;

import java.util.concurrent.atomic.DoubleAdder;

/**
 * A trader's trading costs over a session, in USDC, so that the summary can show where a negative P&amp;L comes from.
 * The simulated prices are a martingale (geometric Brownian motion without drift) and the desks trade at random, so
 * a trader has no edge: P&amp;L is, on average, minus these costs. Price impact and transfer fees are inside the
 * trades' prices and amounts, hence inside P&amp;L; network fees are the positions' {@code feesPaid}; sandwich losses
 * are what the MEV events record (an assessment beside the trade, not deducted from P&amp;L).
 */
final class TradingCosts {
    private final DoubleAdder priceImpact = new DoubleAdder();
    private final DoubleAdder transferFees = new DoubleAdder();
    private final DoubleAdder sandwichLoss = new DoubleAdder();

    void priceImpact(double usdc) {
        priceImpact.add(usdc);
    }

    void transferFees(double usdc) {
        transferFees.add(usdc);
    }

    void sandwichLoss(double usdc) {
        sandwichLoss.add(usdc);
    }

    double priceImpact() {
        return priceImpact.sum();
    }

    double transferFees() {
        return transferFees.sum();
    }

    double sandwichLoss() {
        return sandwichLoss.sum();
    }
}
