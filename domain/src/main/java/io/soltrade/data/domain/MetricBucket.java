package io.soltrade.data.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;

/**
 * One series of a metric (one set of labels) downsampled over one interval: the average, minimum, maximum and last
 * value of its points, and how many there were.
 */
public record MetricBucket(Instant start, String name, SortedMap<String, String> labels, double avg, double min, double max, double last,
        long count) {

    public MetricBucket {
        start = Checks.timestamp(start, "start");
        Checks.notNull(name, "name");
        labels = Collections.unmodifiableSortedMap(Checks.sortedCopy(labels, "labels"));
        Checks.finite(avg, "avg");
        Checks.finite(min, "min");
        Checks.finite(max, "max");
        Checks.finite(last, "last");
        if (count < 1) {
            throw new DomainValidationException("count", "is " + count + ", a bucket holds at least one point");
        }
        if (min > max || last < min || last > max) {
            throw new DomainValidationException("last", last + " is outside min " + min + " .. max " + max);
        }
    }
}
