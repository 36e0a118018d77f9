package io.soltrade.data.domain;

/** What MEV protection knows about one trade. */
public enum MevStatus {
    /** No protection applied and no attack seen. */
    NONE,
    /** Sent through a protected route (private submission, bundle). */
    PROTECTED,
    /** A sandwich looked likely but was not confirmed. */
    SUSPECTED,
    /** The trade was sandwiched. */
    SANDWICHED
}
