package io.soltrade.data.bench.scenario;

/** Thrown by a scenario that cannot run here (its server does not answer); the run records why and goes on. */
public final class ScenarioSkipped extends Exception {

    ScenarioSkipped(String why) {
        super(why);
    }
}
