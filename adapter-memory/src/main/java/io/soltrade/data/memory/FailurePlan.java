package io.soltrade.data.memory;

import io.soltrade.data.ports.DbErrorKind;
import java.util.Objects;

/**
 * When a memory store fails on purpose, and with which {@link DbErrorKind}: the way a host's unit test
 * rehearses a backend outage without a backend. A plan counts the calls it applies to (1-based, per store, from
 * the moment it was set) and throws a {@code TransientDbException} or {@code PermanentDbException}, whichever
 * the kind is, on the calls its schedule selects.
 *
 * <p>Failures are simulated after argument validation and before any state change, as a real adapter fails
 * after checking input and before (or instead of) committing: a failed write changes nothing.
 *
 * <pre>{@code
 * store.withFailure(FailurePlan.firstCalls(2, DbErrorKind.CONNECTION));    // two failures, then recovers
 * store.withFailure(FailurePlan.everyNthCall(3, DbErrorKind.TIMEOUT).onWritesOnly());
 * store.withFailure(FailurePlan.never());                                   // healthy again
 * }</pre>
 */
public record FailurePlan(Schedule schedule, long n, DbErrorKind kind, Operations operations) {

    /** Which calls fail, counting from 1. */
    public enum Schedule {
        /** No call fails. */
        NEVER,
        /** Every call fails. */
        ALWAYS,
        /** Calls n, 2n, 3n, ... fail. */
        EVERY_NTH,
        /** The first n calls succeed, every later one fails. */
        AFTER,
        /** The first n calls fail, every later one succeeds. */
        FIRST
    }

    /** Which calls a plan counts and may fail. */
    public enum Operations {
        ALL,
        /** Calls that change state (save, record, upsert, trigger, ...). */
        WRITES,
        /** Calls that only read. */
        READS
    }

    public FailurePlan {
        Objects.requireNonNull(schedule, "schedule is null");
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(operations, "operations is null");
        long least = switch (schedule) {
            case EVERY_NTH -> 1;
            case AFTER, FIRST -> 0;
            case NEVER, ALWAYS -> Long.MIN_VALUE;
        };
        if (n < least) {
            throw new IllegalArgumentException("n is " + n + ", must be at least " + least + " for " + schedule);
        }
    }

    public static FailurePlan never() {
        return new FailurePlan(Schedule.NEVER, 0, DbErrorKind.CONNECTION, Operations.ALL);
    }

    public static FailurePlan always(DbErrorKind kind) {
        return new FailurePlan(Schedule.ALWAYS, 0, kind, Operations.ALL);
    }

    /** Every call fails with a lost connection: a backend that is down. */
    public static FailurePlan alwaysTransient() {
        return always(DbErrorKind.CONNECTION);
    }

    /** Every call fails with a query error: a backend that rejects what it is sent. */
    public static FailurePlan alwaysPermanent() {
        return always(DbErrorKind.QUERY);
    }

    public static FailurePlan everyNthCall(long n, DbErrorKind kind) {
        return new FailurePlan(Schedule.EVERY_NTH, n, kind, Operations.ALL);
    }

    /** The first {@code n} calls succeed, then every call fails: a backend that goes down mid-run. */
    public static FailurePlan afterCalls(long n, DbErrorKind kind) {
        return new FailurePlan(Schedule.AFTER, n, kind, Operations.ALL);
    }

    /** The first {@code n} calls fail, then every call succeeds: a blip that a retry rides out. */
    public static FailurePlan firstCalls(long n, DbErrorKind kind) {
        return new FailurePlan(Schedule.FIRST, n, kind, Operations.ALL);
    }

    /** This plan, counting and failing only calls that change state. */
    public FailurePlan onWritesOnly() {
        return new FailurePlan(schedule, n, kind, Operations.WRITES);
    }

    /** This plan, counting and failing only calls that read. */
    public FailurePlan onReadsOnly() {
        return new FailurePlan(schedule, n, kind, Operations.READS);
    }

    /** Whether the plan counts a call of this sort. */
    public boolean appliesTo(boolean write) {
        return operations == Operations.ALL || (operations == Operations.WRITES) == write;
    }

    /** Whether call number {@code call} (1-based, among the calls this plan applies to) fails. */
    public boolean failsCall(long call) {
        return switch (schedule) {
            case NEVER -> false;
            case ALWAYS -> true;
            case EVERY_NTH -> call % n == 0;
            case AFTER -> call > n;
            case FIRST -> call <= n;
        };
    }

    /** True for a plan that fails every call it applies to: a store that is down. */
    public boolean failsEveryCall() {
        return schedule == Schedule.ALWAYS || schedule == Schedule.AFTER && n == 0;
    }

    public boolean isNever() {
        return schedule == Schedule.NEVER || schedule == Schedule.FIRST && n == 0;
    }

    @Override
    public String toString() {
        String when = switch (schedule) {
            case NEVER -> "never";
            case ALWAYS -> "always";
            case EVERY_NTH -> "once every " + n + " calls";
            case AFTER -> "after " + n + " calls";
            case FIRST -> "first " + n + " calls";
        };
        return schedule == Schedule.NEVER ? "never" : kind + " " + when + (operations == Operations.ALL ? "" : " (" + operations.name().toLowerCase() + " only)");
    }
}
