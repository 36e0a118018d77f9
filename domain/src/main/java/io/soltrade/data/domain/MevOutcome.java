package io.soltrade.data.domain;

/** How a sandwich-attack risk ended. */
public enum MevOutcome {
    /** Protection kept the trade out of reach. */
    AVOIDED,
    /** The trade was sandwiched. */
    SANDWICHED,
    /** No attack happened, protected or not. */
    NOT_ATTACKED,
    /** Not known yet (the block is not final or the analysis has not run). */
    UNDETERMINED
}
