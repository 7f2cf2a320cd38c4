package io.resolvehub.core.boundaryviolation;

import io.resolvehub.billing.Ledger;

/** Breaks "modules depend one way": core may use no other module. */
public class CoreCallingTheBillingModule {

    Ledger ledger;
}
