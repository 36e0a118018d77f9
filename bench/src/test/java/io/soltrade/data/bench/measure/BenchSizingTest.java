package io.soltrade.data.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchSizingTest {

    @Test
    void aScenariosOwnRoundCountScalesWithTheRunsRounds() {
        assertThat(BenchSizing.full().rounds(6, 1)).as("the default run").isEqualTo(6);
        assertThat(BenchSizing.full(30).rounds(6, 1)).as("three times the rounds").isEqualTo(18);
        assertThat(BenchSizing.full(1).rounds(3, 1)).as("never below one").isEqualTo(1);
        assertThat(BenchSizing.smokeRun().rounds(6, 1)).as("a smoke run keeps its own").isEqualTo(1);
    }
}
