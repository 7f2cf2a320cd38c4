package io.resolvehub.admin;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.api.users.UserRules;
import io.resolvehub.core.TenantId;
import io.resolvehub.security.AdminUsers;
import io.resolvehub.security.TenantTokens;
import io.resolvehub.security.TenantGrants;
import io.resolvehub.security.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Map;

/**
 * Users: who may manage this tenant; the owner adds admins of this tenant only. Also the tenant's read-only API
 * tokens (for an app such as the Zendesk sidebar): issued here, shown once, revoked here; and the audit log of the
 * changes admins made to the tenant (who, what, when, from where).
 */
@Controller
@AdminPage
@RequestMapping("/t/{tenant}/users")
class UsersPage {

    /** Audit lines the page shows; the API pages further back ({@code GET /api/v1/tenants/{t}/audit?limit=}). */
    static final int AUDIT_ROWS = 50;

    private final AdminUsers users;
    private final TenantTokens tokens;
    private final TenantAccess access;
    private final AuditLog auditLog;

    /** One audit line as the page shows it. */
    record AuditRow(String at, String actor, String action, int status, String sourceIp) {
    }

    UsersPage(AdminUsers users, TenantTokens tokens, TenantAccess access, AuditLog auditLog) {
        this.users = users;
        this.tokens = tokens;
        this.access = access;
        this.auditLog = auditLog;
    }

    @GetMapping
    String page(@PathVariable String tenant, Model model) {
        TenantId id = access.require(tenant);
        model.addAttribute("users", users.of(id));
        model.addAttribute("tokens", tokens.names(id));
        model.addAttribute("minPassword", UserRules.MIN_PASSWORD);
        model.addAttribute("audit", auditLog.of(id.value(), AUDIT_ROWS).stream()
                .map(e -> new AuditRow(Format.time(e.at()), e.actor(), e.action(), e.status(), e.sourceIp())).toList());
        model.addAttribute("auditRows", AUDIT_ROWS);
        return "users";
    }

    @PostMapping
    String add(@PathVariable String tenant, @RequestParam(defaultValue = "") String username,
               @RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        String problem = !TenantGrants.isOwner() ? "Only the hub's owner adds users." : UserRules.problem(username, password);
        if (problem == null && !users.createTenantAdmin(username.strip(), password, id)) {
            problem = "User '" + username.strip() + "' already exists; choose another name.";
        }
        if (problem != null) {
            model.addAttribute("errors", Map.of(problem.startsWith("'password'") ? "password" : "username",
                    problem.replace("'username'", "The user name").replace("'password'", "The password")));
            model.addAttribute("newUsername", username);
            return page(tenant, model);
        }
        redirect.addFlashAttribute("notice", username.strip() + " can now sign in and manage " + id + " only.");
        return "redirect:/t/" + tenant + "/users";
    }

    @PostMapping("/tokens")
    String issueToken(@PathVariable String tenant, @RequestParam(defaultValue = "") String name, Principal who,
                      Model model, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        String wanted = name.strip();
        if (!wanted.matches("[A-Za-z0-9._-]{1,100}")) {
            model.addAttribute("errors", Map.of("tokenName", "Name it after where it is used, e.g. zendesk-sidebar "
                    + "(letters, digits, dots, dashes, underscores)."));
            return page(tenant, model);
        }
        var issued = tokens.issue(id, wanted, who.getName());
        if (issued.isEmpty()) {
            model.addAttribute("errors", Map.of("tokenName", "A token named '" + wanted + "' exists; revoke it or choose another name."));
            return page(tenant, model);
        }
        redirect.addFlashAttribute("issuedToken", issued.get());
        redirect.addFlashAttribute("notice", "Token '" + wanted + "' issued. Copy it now: it is not shown again.");
        return "redirect:/t/" + tenant + "/users";
    }

    @PostMapping("/tokens/{name}/revoke")
    String revokeToken(@PathVariable String tenant, @PathVariable String name, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        redirect.addFlashAttribute("notice", tokens.revoke(id, name)
                ? "Token '" + name + "' revoked: it stops working at once." : "There is no token '" + name + "'.");
        return "redirect:/t/" + tenant + "/users";
    }
}
