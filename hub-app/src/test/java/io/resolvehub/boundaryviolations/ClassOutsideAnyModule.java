package io.resolvehub.boundaryviolations;

/** Breaks "every class belongs to a module": {@code io.resolvehub.boundaryviolations} is none. */
public class ClassOutsideAnyModule {
}
