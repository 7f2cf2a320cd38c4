package io.resolvehub.billing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;

/** The ledger as CSV (RFC 4180, one header row), for accountants' spreadsheets. */
public final class LedgerCsv implements Consumer<LedgerEntry>, AutoCloseable {

    public static final String[] HEADER = {"id", "at", "type", "coins", "balance_change", "held_change",
            "conversation", "channel", "reason", "charge_id", "idempotency_key"};

    private final CSVPrinter printer;

    /** Writes the header at once; each {@link #accept} writes one row. {@link #close} flushes but leaves {@code out} open. */
    public LedgerCsv(Writer out) {
        try {
            this.printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(LedgerEntry e) {
        try {
            printer.printRecord(e.id(), e.at(), e.type().wire(), e.coins(), e.balanceChange(), e.heldChange(),
                    e.conversation(), e.channel(), e.reason(), e.chargeId(), e.idempotencyKey());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
