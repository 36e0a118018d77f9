package io.soltrade.data.bench.scenario;

/**
 * One comparison of our port with the raw client doing the same work. Names are {@code <backend>.<what>}, e.g.
 * {@code redis.price-get}; {@code --scenario redis} selects every Redis scenario.
 */
public interface Scenario {

    String name();

    /** One line: what the two sides do. */
    String measures();

    /**
     * Runs both sides in alternating rounds and returns the rows. Throws {@link ScenarioSkipped} when a server it
     * needs does not answer.
     */
    ScenarioOutcome run(ScenarioContext context) throws Exception;
}
