/**
 * Deliberately bad classes, in test sources only, that {@code ModuleRulesCatchViolationsTest} feeds to the module
 * rules to show that each rule fails on a violation. Nothing imports them.
 */
package io.resolvehub.boundaryviolations;
