package io.resolvehub.agent.isolation;

import java.util.List;
import java.util.stream.Stream;

/**
 * What every answer-isolation test puts in two tenants' knowledge and asks: both help centers answer "how long do
 * refunds take?" with their own value, and globex's holds words acme's never does, so a question in globex's words
 * asked of acme shows whether anything of globex's leaks (the engine's tests on each index, and the hub's over REST).
 */
public final class TwoHelpCenters {

    /** A text source: its title and its text. */
    public record Article(String title, String text) {
    }

    public static final List<Article> ACME = List.of(
            new Article("Refunds", "Refunds are issued within 14 days of purchase. Ask the billing team for a refund from "
                    + "Settings, Billing."),
            new Article("Export your notes", "Export a notebook as Markdown or PDF from the notebook menu. Exports include "
                    + "attachments."));
    public static final List<Article> GLOBEX = List.of(
            new Article("Refunds", "Refunds are issued within 45 days of purchase. Globex refunds need form GX-7 signed by "
                    + "a manager."),
            new Article("Zorblax payroll portal", "To reset the Zorblax payroll portal, call extension 4242 and give your "
                    + "badge number. Payslips appear on the portal each month."));

    private TwoHelpCenters() {
    }

    /** Questions in globex's own words, misspelt ones among them ({@code @MethodSource} of the isolation tests). */
    public static Stream<String> inGlobexsWords() {
        return Stream.of("How do I reset the Zorblax payroll portal?", "zorblax payrol portl extenson",
                "what extension do I call for payslips?", "form GX-7 manager signature", "refunds 45 days");
    }
}
