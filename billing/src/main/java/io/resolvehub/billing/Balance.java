package io.resolvehub.billing;

/**
 * A tenant's coins: {@code balance} is the sum of its ledger, {@code held} the coins set aside for conversations
 * the AI is answering, {@code available} what new conversations may hold.
 */
public record Balance(long balance, long held) {

    public static final Balance EMPTY = new Balance(0, 0);

    /** Never below zero: the database refuses any change that would make it negative. */
    public long available() {
        return balance - held;
    }
}
