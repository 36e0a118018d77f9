#!/usr/bin/env python3
"""Summarises a JFR recording of a bench run: execution samples per side of a scenario, top methods.

Usage: bench/jfr/jfr-summary.py RECORDING.jfr [TOP]
       bench/jfr/jfr-summary.py RECORDING.jfr TOP --by-scenario   (a run of several scenarios: samples per scenario
       class and side, and ours' top frames of this project, Jackson, java.math per scenario)

Record with a deep stack, so every sample reaches the scenario's frames:
  java -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=rec.jfr,settings=profile \
       -jar cli/target/soltrade-data.jar bench --out /tmp/b --scenario postgres.config-read-50

A sample belongs to "ours" when its stack holds an adapter, app or driver-wrapping frame of ours, to "raw" when it
holds the raw side's frames only, else to "harness" (input making, recording, charts). For each group it prints
its share of all samples, the TOP methods by self time, and the TOP library methods by inclusive time. Needs the
JDK's `jfr` tool on PATH.
"""
import collections, json, subprocess, sys

OURS = ("io.soltrade.data.postgres.", "io.soltrade.data.memory.", "io.soltrade.data.redis.", "io.soltrade.data.questdb.",
        "io.soltrade.data.app.")
RAW = ("PostgresConfigReadScenario.readRaw", "MemoryAdapterBatchSaveScenario.lambda$run$1",
       "MemoryAdapterBatchSaveScenario.lambda$run$2", "RawIlpTrades.", "redis.clients.jedis.")
INCLUSIVE = ("io.soltrade.", "org.jooq.", "org.postgresql.", "com.zaxxer.", "redis.clients.", "io.github.resilience4j.",
             "io.micrometer.", "com.fasterxml.", "io.questdb.", "org.HdrHistogram.", "java.util.TreeMap.",
             "java.util.concurrent.ConcurrentHashMap.", "java.util.concurrent.locks.")

def frames(event):
    out = []
    for frame in event["values"]["stackTrace"]["frames"]:
        method = frame["method"]
        out.append(method["type"]["name"].replace("/", ".") + "." + method["name"])
    return out

def group_of(stack):
    if any(frame.startswith(OURS) for frame in stack):
        return "ours"
    if any(marker in frame for frame in stack for marker in RAW):
        return "raw"
    return "harness"

def main():
    recording = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    if "--by-scenario" in sys.argv:
        by_scenario(events, top)
        return
    groups = collections.defaultdict(list)
    for event in events:
        stack = frames(event)
        groups[group_of(stack)].append(stack)
    total = len(events)
    for group in ("ours", "raw", "harness"):
        stacks = groups.get(group, [])
        if not stacks:
            continue
        print(f"== {group}: {len(stacks)} samples ({100.0 * len(stacks) / total:.1f}% of {total})")
        self_counts = collections.Counter(stack[0] for stack in stacks if stack)
        inclusive = collections.Counter()
        for stack in stacks:
            for method in set(stack):
                if method.startswith(INCLUSIVE) and "$$Lambda" not in method:
                    inclusive[method] += 1
        print("   self:")
        for method, count in self_counts.most_common(top):
            print(f"     {100.0 * count / len(stacks):5.1f}%  {method}")
        print("   inclusive:")
        for method, count in inclusive.most_common(top):
            print(f"     {100.0 * count / len(stacks):5.1f}%  {method}")

def by_scenario(events, top):
    """Samples per (scenario class, side): the first frame of io.soltrade.data.bench.scenario names the scenario."""
    counts = collections.Counter()
    inclusive = collections.defaultdict(collections.Counter)
    for event in events:
        stack = frames(event)
        scenario = next((frame.split(".")[-2].split("$")[0] for frame in stack
                         if frame.startswith("io.soltrade.data.bench.scenario.") and "Scenario" in frame), None)
        if scenario is None:
            continue
        group = group_of(stack)
        counts[(scenario, group)] += 1
        for method in set(stack):
            if method.startswith(("io.soltrade.data.redis.", "io.soltrade.data.domain.", "io.soltrade.data.app.",
                                  "io.soltrade.data.postgres.", "io.soltrade.data.questdb.", "io.soltrade.data.memory.",
                                  "java.math.", "com.fasterxml.")) and "$$Lambda" not in method:
                inclusive[(scenario, group)][method] += 1
    for key in sorted(counts):
        print(f"== {key[0]} {key[1]}: {counts[key]} samples")
        if key[1] == "ours":
            for method, count in inclusive[key].most_common(top):
                print(f"     {100.0 * count / counts[key]:5.1f}%  {method}")

if __name__ == "__main__":
    main()
