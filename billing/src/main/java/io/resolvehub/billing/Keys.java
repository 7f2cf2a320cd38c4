package io.resolvehub.billing;

/**
 * The ledger's idempotency keys. Unique per tenant in the database: a conversation has at most one first hold, one
 * growth of its hold per answer, one charge and one release; a charge at most one refund; a top-up reference one
 * top-up.
 */
final class Keys {

    private Keys() {
    }

    static String topUp(String reference) {
        return "topup:" + reference;
    }

    static String adjustment(String reference) {
        return "adjustment:" + reference;
    }

    static String hold(String conversation) {
        return "hold:" + conversation;
    }

    /** The growth before answer {@code answer}; the number comes first, so no conversation id can make keys collide. */
    static String growth(String conversation, int answer) {
        return "grow:" + answer + ":" + conversation;
    }

    static String charge(String conversation) {
        return "charge:" + conversation;
    }

    static String release(String conversation) {
        return "release:" + conversation;
    }

    static String refund(long chargeId) {
        return "refund:" + chargeId;
    }
}
