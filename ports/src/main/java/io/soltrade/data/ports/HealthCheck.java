package io.soltrade.data.ports;

/** Checks one backend. Never throws: a failed check is a {@link HealthState#DOWN} report. */
public interface HealthCheck {

    String backend();

    HealthReport check();
}
