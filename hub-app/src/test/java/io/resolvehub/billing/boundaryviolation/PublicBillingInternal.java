package io.resolvehub.billing.boundaryviolation;

/** Deliberately bad: a public billing class that is not part of billing's API (see ModuleRulesCatchViolationsTest). */
public class PublicBillingInternal {
}
