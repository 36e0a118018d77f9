package io.soltrade.data.reliability.badinput;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What every port's bad-input suite shares: generated calls the port must refuse as bad input, each followed by a
 * read-back that the refusal wrote nothing and by a valid call that must succeed (no connection, transaction or
 * script left poisoned). A subclass per port says which calls are bad; a group per backend says which store runs
 * them (see {@code MemoryBadInputTest}, {@code PostgresBadInputIT}, ...). Every 100th try, and the first, also
 * makes a valid write and reads it back.
 *
 * @param <P> the port
 */
public abstract class BadInputKit<P> {
    private int tries;

    /** The store under test; the same instance for every try. */
    protected abstract P port();

    /** The calls this port must refuse, each with its own read-back. */
    protected abstract Arbitrary<RejectedCall<P>> rejectedCalls();

    /** A valid read that must succeed after a refusal. */
    protected abstract void validReadSucceeds(P port);

    /** A valid write that must succeed and read back equal after refusals. */
    protected abstract void validWriteSucceeds(P port);

    @Property
    void refusedCallsWriteNothingAndLeaveThePortUsable(@ForAll("refusedCalls") RejectedCall<P> call) {
        P port = port();
        call.assertRefusedBy(port);
        validReadSucceeds(port);
        if (tries++ % 100 == 0) {
            validWriteSucceeds(port);
        }
    }

    @Provide
    Arbitrary<RejectedCall<P>> refusedCalls() {
        return rejectedCalls();
    }
}
