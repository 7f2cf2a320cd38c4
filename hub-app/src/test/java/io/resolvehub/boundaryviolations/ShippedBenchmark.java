package io.resolvehub.boundaryviolations;

/** Breaks "no benchmark ships in the hub" when it sits among the production classes. */
public class ShippedBenchmark {
}
