package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The filter of stored trade ids: never a false "new" (that would write an id twice), about 1 % false "may be stored". */
class KnownTradeIdsTest {

    private static String id(int n) {
        return "5VERv8NMvzbJMEkV8xnrLkEaWRtSz2CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQU" + n + ":" + (n % 7);
    }

    @Test
    void everyIdAddedIsKnownAcrossStagesAndNewIdsAreRarelyMistakenForKnownOnes() {
        KnownTradeIds known = new KnownTradeIds(1_000); // small first stage: 200,000 ids take eight stages
        known.markComplete();
        int ids = 200_000;
        int certainlyNew = 0;
        for (int n = 0; n < ids; n++) {
            if (known.addIfNew(id(n))) {
                certainlyNew++;
            }
        }
        for (int n = 0; n < ids; n++) {
            assertThat(known.addIfNew(id(n))).as("id %d was added: never certainly new again", n).isFalse();
        }
        // each of the eight stages answers "may be stored" for about 1 % of fresh ids, so up to about 8 % in all
        assertThat(certainlyNew).as("distinct new ids taken for stored ones (false positives)").isGreaterThan((int) (ids * 0.92));
        int mistaken = 0;
        for (int n = ids; n < 2 * ids; n++) {
            if (!known.addIfNew(id(n))) {
                mistaken++;
            }
        }
        assertThat(mistaken).as("fresh ids answered 'may be stored'").isLessThan((int) (ids * 0.09));
    }

    @Test
    void beforeTheScanIsCompleteNoIdIsCertainlyNew() {
        KnownTradeIds known = new KnownTradeIds(1_000);
        assertThat(known.addIfNew(id(1))).isFalse();
        known.markComplete();
        assertThat(known.addIfNew(id(2))).isTrue();
        assertThat(known.addIfNew(id(1))).as("added before completion, still known").isFalse();
    }
}
