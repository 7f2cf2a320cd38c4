package io.resolvehub.admin;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.billing.Balance;
import io.resolvehub.billing.Ledger;
import io.resolvehub.billing.LowBalanceAlerted;
import io.resolvehub.billing.LowBalanceAlerts;
import io.resolvehub.billing.TenantPricing;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.TenantDirectory;
import io.resolvehub.security.TenantGrants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What every admin page shows around its content: the tenant it acts on (always the one in the URL, resolved or
 * refused before the page runs), the tenants to switch to, the section for the navigation, and the low-balance alert.
 */
@ControllerAdvice(annotations = AdminPage.class)
class PageModel {

    /** One entry of the navigation. */
    record NavItem(String href, String label, boolean current) {
    }

    private static final List<String[]> SECTIONS = List.of(new String[]{"", "Overview"},
            new String[]{"knowledge", "Knowledge"}, new String[]{"try", "Try it"}, new String[]{"channels", "Channels"},
            new String[]{"rules", "Hand-off rules"}, new String[]{"voice", "Voice"}, new String[]{"inbox", "Inbox"},
            new String[]{"billing", "Billing"}, new String[]{"insights", "Insights"}, new String[]{"users", "Users"});

    private final TenantAccess access;
    private final TenantDirectory tenants;
    private final Ledger ledger;
    private final TenantPricing pricing;
    private final LowBalanceAlerts alerts;

    PageModel(TenantAccess access, TenantDirectory tenants, Ledger ledger, TenantPricing pricing, LowBalanceAlerts alerts) {
        this.access = access;
        this.tenants = tenants;
        this.ledger = ledger;
        this.pricing = pricing;
        this.alerts = alerts;
    }

    /** "/t/acme/inbox/123" → "inbox"; the overview is "". */
    static String section(String uri, TenantId tenant) {
        String rest = uri.substring(Math.min(uri.length(), ("/t/" + tenant + "/").length()));
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @ModelAttribute
    void common(@PathVariable(name = "tenant", required = false) String tenant, HttpServletRequest request, Model model) {
        model.addAttribute("tenants", tenants.all().stream().filter(t -> TenantGrants.mayUse(t.id())).toList());
        model.addAttribute("owner", TenantGrants.isOwner());
        model.addAttribute("path", request.getRequestURI());
        if (tenant == null) {
            return;
        }
        TenantId id = access.require(tenant);
        model.addAttribute("tenant", id.value());
        String section = section(request.getRequestURI(), id);
        model.addAttribute("section", section);
        model.addAttribute("nav", SECTIONS.stream().map(s -> new NavItem("/t/" + id + "/" + s[0], s[1],
                s[0].equals(section))).toList());
        model.addAttribute("tenantName", tenants.find(id).map(t -> t.name()).orElse(id.value()));
        Balance balance = ledger.balance(id);
        model.addAttribute("available", balance.available());
        lowBalance(id, balance).ifPresent(text -> model.addAttribute("lowBalance", text));
    }

    /**
     * The banner while the tenant is below its alert level: the balance now and when billing last raised its alert
     * (the record the alert email is sent from); a tenant that never had coins is below it too, though billing raises
     * an alert only when coins are held, charged or topped up.
     */
    Optional<String> lowBalance(TenantId id, Balance balance) {
        long threshold = pricing.get(id).lowBalanceCoins();
        if (balance.available() >= threshold) {
            return Optional.empty();
        }
        String raised = alerts.recent(id, 1).stream().findFirst().map(LowBalanceAlerted::at)
                .map(at -> " Last alert raised " + Format.time(at) + ".").orElse("");
        return Optional.of("Low balance: " + Format.coins(balance.available()) + " available, below your alert level of "
                + Format.coins(threshold) + ". At zero, new conversations go straight to a person." + raised);
    }
}
