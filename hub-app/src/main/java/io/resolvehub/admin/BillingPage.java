package io.resolvehub.admin;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.billing.BillingException;
import io.resolvehub.billing.BillingProperties;
import io.resolvehub.billing.EntryType;
import io.resolvehub.billing.Ledger;
import io.resolvehub.billing.LedgerCsv;
import io.resolvehub.billing.LedgerEntry;
import io.resolvehub.billing.Pricing;
import io.resolvehub.billing.Settlements;
import io.resolvehub.billing.TenantPricing;
import io.resolvehub.billing.TopUps;
import io.resolvehub.billing.UsageReports;
import io.resolvehub.core.TenantId;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Billing: balance, held and available coins, top-up, pricing, usage, the ledger with a CSV download and a refund
 * button on each charge. Over the same billing services as the API.
 */
@Controller
@AdminPage
@RequestMapping("/t/{tenant}/billing")
class BillingPage {

    private static final int SHOWN_ENTRIES = 50;

    private final TenantAccess access;
    private final Ledger ledger;
    private final TopUps topUps;
    private final TenantPricing pricing;
    private final Settlements settlements;
    private final UsageReports usage;
    private final BillingProperties properties;

    BillingPage(TenantAccess access, Ledger ledger, TopUps topUps, TenantPricing pricing, Settlements settlements,
                UsageReports usage, BillingProperties properties) {
        this.access = access;
        this.ledger = ledger;
        this.topUps = topUps;
        this.pricing = pricing;
        this.settlements = settlements;
        this.usage = usage;
        this.properties = properties;
    }

    @GetMapping
    String page(@PathVariable String tenant, Model model) {
        TenantId id = access.require(tenant);
        model.addAttribute("balance", ledger.balance(id));
        model.addAttribute("reference", "page-" + UUID.randomUUID()); // one per form shown: a double submit is one top-up
        if (!model.containsAttribute("pricing")) model.addAttribute("pricing", PricingForm.of(pricing.get(id)));
        model.addAttribute("pricingFields", ((PricingForm) model.getAttribute("pricing")).fields());
        List<LedgerEntry> all = ledger.entries(id, Ledger.BEGINNING, Ledger.END, 0, 10_000);
        Set<Long> refunded = all.stream().filter(e -> e.type() == EntryType.REFUND && e.chargeId() != null)
                .map(LedgerEntry::chargeId).collect(Collectors.toSet());
        model.addAttribute("entries", all.reversed().stream().limit(SHOWN_ENTRIES).toList());
        model.addAttribute("refunded", refunded);
        LocalDate today = LocalDate.now(properties.zone());
        model.addAttribute("usage", usage.usage(id, today.minusDays(29), today));
        return "billing";
    }

    @PostMapping("/topup")
    String topUp(@PathVariable String tenant, @RequestParam(defaultValue = "") String coins,
                 @RequestParam String reference, Model model, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        long amount;
        try {
            amount = Long.parseLong(coins.strip());
        } catch (NumberFormatException e) {
            return invalid(tenant, model, Map.of("coins", "Enter a whole number of coins, like 500."));
        }
        try {
            var result = topUps.topUp(id, amount, reference);
            redirect.addFlashAttribute("notice", result.replayed() ? "That top-up was already recorded."
                    : "Added " + Format.coins(amount) + ". Available now: " + Format.coins(result.balance().available()) + ".");
        } catch (BillingException.Invalid | IllegalArgumentException e) {
            return invalid(tenant, model, Map.of("coins", e.getMessage()));
        }
        return "redirect:/t/" + tenant + "/billing";
    }

    @PostMapping("/pricing")
    String savePricing(@PathVariable String tenant, PricingForm form, Model model, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        Map<String, String> errors = form.problems();
        if (errors.isEmpty()) {
            try {
                pricing.put(id, form.pricing());
                redirect.addFlashAttribute("notice", "Pricing saved.");
                return "redirect:/t/" + tenant + "/billing";
            } catch (BillingException.Invalid | IllegalArgumentException e) {
                errors = FieldErrors.byField(List.of(e.getMessage()), "baseCoins", "coinsPerExtraAnswer", "maxCoins",
                        "lowBalanceCoins");
            }
        }
        model.addAttribute("pricing", form);
        return invalid(tenant, model, errors);
    }

    @PostMapping("/charges/{charge}/refund")
    String refund(@PathVariable String tenant, @PathVariable long charge,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        String why = reason.isBlank() ? "refunded by an admin on the billing page" : reason.strip();
        try {
            LedgerEntry refund = settlements.refundCharge(id, charge, why.length() > 200 ? why.substring(0, 200) : why);
            redirect.addFlashAttribute("notice", "Refunded " + Format.coins(refund.coins()) + ".");
        } catch (BillingException.Conflict | BillingException.NotFound e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/t/" + tenant + "/billing";
    }

    @GetMapping("/ledger.csv")
    void csv(@PathVariable String tenant, HttpServletResponse response) throws IOException {
        TenantId id = access.require(tenant);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-" + id + ".csv\"");
        try (var rows = new LedgerCsv(response.getWriter())) {
            ledger.forEachEntry(id, Ledger.BEGINNING, Ledger.END, rows);
        }
    }

    private String invalid(String tenant, Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        return page(tenant, model);
    }

    /** The pricing form as typed; whole numbers are checked here, the rules between them by {@link Pricing}. */
    record PricingForm(String baseCoins, String coinsPerExtraAnswer, String maxCoins, String lowBalanceCoins) {
        static PricingForm of(Pricing p) {
            return new PricingForm(String.valueOf(p.baseCoins()), String.valueOf(p.coinsPerExtraAnswer()),
                    String.valueOf(p.maxCoins()), String.valueOf(p.lowBalanceCoins()));
        }

        /** One input of the pricing form. */
        record Field(String name, String label, String value) {
        }

        List<Field> fields() {
            return List.of(new Field("baseCoins", "Base coins per resolution", baseCoins),
                    new Field("coinsPerExtraAnswer", "Coins per extra answer", coinsPerExtraAnswer),
                    new Field("maxCoins", "Most coins per conversation", maxCoins),
                    new Field("lowBalanceCoins", "Alert below (coins)", lowBalanceCoins));
        }

        Map<String, String> asMap() {
            return Map.of("baseCoins", String.valueOf(baseCoins), "coinsPerExtraAnswer",
                    String.valueOf(coinsPerExtraAnswer), "maxCoins", String.valueOf(maxCoins), "lowBalanceCoins",
                    String.valueOf(lowBalanceCoins));
        }

        Map<String, String> problems() {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            asMap().forEach((name, value) -> {
                        if (!value.strip().matches("\\d{1,9}")) errors.put(name, "Enter a whole number of coins.");
                    });
            if (errors.isEmpty()) {
                errors.putAll(FieldErrors.byField(pricing().violations(), "baseCoins", "coinsPerExtraAnswer",
                        "maxCoins", "lowBalanceCoins"));
            }
            return errors;
        }

        Pricing pricing() {
            return new Pricing(Long.parseLong(baseCoins.strip()), Long.parseLong(coinsPerExtraAnswer.strip()),
                    Long.parseLong(maxCoins.strip()), Long.parseLong(lowBalanceCoins.strip()));
        }
    }
}
