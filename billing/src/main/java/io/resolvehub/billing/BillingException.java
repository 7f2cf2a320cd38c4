package io.resolvehub.billing;

/** A billing request that cannot be carried out as asked; nothing was changed. The web layer maps each to a status. */
public abstract sealed class BillingException extends RuntimeException
        permits BillingException.Conflict, BillingException.NotFound, BillingException.Invalid {

    BillingException(String message) {
        super(message);
    }

    /** The request contradicts what is already recorded (HTTP 409). */
    public static final class Conflict extends BillingException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The charge (or other record) named does not exist for this tenant (HTTP 404). */
    public static final class NotFound extends BillingException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The values given break a rule (HTTP 400). */
    public static final class Invalid extends BillingException {
        public Invalid(String message) {
            super(message);
        }
    }
}
