package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.OnChainTradeId;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TxSignature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The filter of stored trade ids: never a false "new" (that would write an id twice), and false "may be stored" so rare
 * that a batch of 1,000 new trades seldom meets one, however many stages the filter has grown.
 */
class KnownTradeIdsTest {

    private static String id(int n) {
        return "5VERv8NMvzbJMEkV8xnrLkEaWRtSz2CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQU" + n + ":" + (n % 7);
    }

    @Test
    void everyIdAddedIsKnownAcrossStagesAndNewIdsAreRarelyMistakenForKnownOnes() {
        KnownTradeIds known = new KnownTradeIds(1_000); // small first stage: 200,000 ids take eight stages, 1.2 million eleven
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
        int fresh = 1_000_000;
        int mistaken = 0;
        for (int n = ids; n < ids + fresh; n++) {
            if (!known.addIfNew(id(n))) {
                mistaken++;
            }
        }
        // the stages' rates halve (1e-5, 5e-6, ...), so all of them together stay below 2e-5: at most about 20 in
        // 1,000,000 (12 with these ids, 2 while adding the first 200,000). With every stage at the first one's rate
        // these eleven stages took 67 (and 5 while adding); at the 1 % per stage of before, thousands. (The ids and hash
        // are fixed: the counts are the same every run.)
        assertThat(ids - certainlyNew).as("distinct new ids taken for stored ones while the first 200,000 were added")
                .isLessThan(5);
        assertThat(mistaken).as("fresh ids answered 'may be stored', of " + fresh).isLessThan(25);
    }

    @Test
    void anIdHashesFromItsPartsAsItsNaturalKeyDoes() {
        // the start-up scan adds stored ids by their natural-key text, callers by the id itself: both must set the same bits
        String signature = "5VERv8NMvzbJMEkV8xnrLkEaWRtSz2CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQU";
        List<TradeId> ids = new ArrayList<>();
        for (int index : new int[] {0, 1, 9, 10, 11, 99, 100, 101, 199, 255}) {
            ids.add(new OnChainTradeId(new TxSignature(signature), index));
        }
        ids.add(new PaperTradeId("b-1"));
        ids.add(new PaperTradeId("client_order-42"));
        for (TradeId id : ids) {
            assertThat(KnownTradeIds.hash64(id)).as("%s", id.naturalKey()).isEqualTo(KnownTradeIds.hash64(id.naturalKey()));
        }
        KnownTradeIds known = new KnownTradeIds(1_000);
        known.markComplete();
        for (TradeId id : ids) {
            known.add(id.naturalKey());
        }
        for (TradeId id : ids) {
            assertThat(known.addIfNew(id)).as("%s was added by its text", id.naturalKey()).isFalse();
        }
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
