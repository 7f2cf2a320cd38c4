package io.resolvehub.billing;

import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Reading a tenant's coins: the balance row, the ledger's entries, receipts, and an audit of the two against each other. */
public class Ledger {

    /** Bounds for "the whole ledger", representable on both databases. */
    public static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

    private final Accounts accounts;
    private final LedgerEntries entries;

    public Ledger(JdbcClient jdbc) {
        this.accounts = new Accounts(jdbc);
        this.entries = new LedgerEntries(jdbc);
    }

    /** The tenant's balance; zero for a tenant that never had coins. */
    public Balance balance(TenantId tenant) {
        return accounts.find(tenant.value()).orElse(Balance.EMPTY);
    }

    /** The ledger's own sums, computed from the entries alone; always equal to {@link #balance} when consistent. */
    public Balance sumOfEntries(TenantId tenant) {
        return entries.sums(tenant.value());
    }

    /** Entries with {@code from <= at < to} and id above {@code afterId}, oldest first, at most {@code limit}. */
    public List<LedgerEntry> entries(TenantId tenant, Instant from, Instant to, long afterId, int limit) {
        return entries.page(tenant.value(), from, to, afterId, limit);
    }

    /** Streams every entry with {@code from <= at < to}, oldest first. */
    public void forEachEntry(TenantId tenant, Instant from, Instant to, Consumer<LedgerEntry> sink) {
        entries.forEach(tenant.value(), from, to, sink);
    }

    /** The conversation's ledger entries (hold, charge, release, refund), oldest first: what its transcript shows. */
    public List<LedgerEntry> ofConversation(TenantId tenant, ConversationId conversation) {
        return entries.ofConversation(tenant.value(), conversation.value());
    }

    /** The receipts of the conversation's charges (at most one). */
    public List<Receipt> receipts(TenantId tenant, ConversationId conversation) {
        List<LedgerEntry> all = ofConversation(tenant, conversation);
        return all.stream()
                .filter(entry -> entry.type() == EntryType.CHARGE)
                .map(charge -> new Receipt(charge.id(), charge.tenant(), charge.conversation(), charge.channel(),
                        charge.reason(), charge.coins(), charge.at(),
                        all.stream().anyMatch(e -> e.type() == EntryType.REFUND
                                && Long.valueOf(charge.id()).equals(e.chargeId()))))
                .toList();
    }
}
