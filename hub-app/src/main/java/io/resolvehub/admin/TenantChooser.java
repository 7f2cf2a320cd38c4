package io.resolvehub.admin;

import io.resolvehub.api.ApiException;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.Tenant;
import io.resolvehub.core.tenant.TenantDirectory;
import io.resolvehub.security.TenantGrants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /}: the tenant is chosen, never guessed. With one tenant there is nothing to choose and the page goes
 * straight to it; with more, the person picks one, and every page after that names it in its address.
 */
@Controller
@AdminPage
class TenantChooser {

    private static final Set<String> SECTIONS = Set.of("knowledge", "try", "channels", "rules", "voice", "inbox",
            "billing", "insights", "users");

    private final TenantDirectory tenants;

    TenantChooser(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/")
    String choose() {
        List<Tenant> all = tenants.all().stream().filter(t -> TenantGrants.mayUse(t.id())).toList();
        return all.size() == 1 ? "redirect:/t/" + all.getFirst().id() + "/" : "tenants";
    }

    /** The header's tenant switch: the same section of the other tenant. */
    @GetMapping("/switch")
    String switchTo(@RequestParam String to, @RequestParam(required = false) String page) {
        String section = page != null && SECTIONS.contains(page) ? page : "";
        return TenantId.isValid(to) ? "redirect:/t/" + to + "/" + section : "redirect:/";
    }

    @PostMapping("/tenants")
    String create(@RequestParam String id, @RequestParam(required = false) String name, Model model,
                  RedirectAttributes redirect) {
        if (!TenantGrants.isOwner()) {
            // the form is the owner's only, so a refusal shown in it would not be shown at all: a 403 page says why
            throw ApiException.forbidden("Only the hub's owner creates tenants.");
        }
        String problem = !TenantId.isValid(id) ? "Use 2-40 lower-case letters, digits and dashes, e.g. acme."
                : tenants.find(new TenantId(id)).isPresent() ? "Tenant '" + id + "' already exists; choose another id."
                : null;
        if (problem != null) {
            model.addAttribute("errors", Map.of("id", problem));
            model.addAttribute("newId", id);
            model.addAttribute("newName", name);
            return "tenants";
        }
        String label = name == null || name.isBlank() ? id : name.strip();
        tenants.create(new TenantId(id), label.length() > 200 ? label.substring(0, 200) : label);
        redirect.addFlashAttribute("notice", "Tenant '" + label + "' created. Add its docs next.");
        return "redirect:/t/" + id + "/knowledge";
    }
}
