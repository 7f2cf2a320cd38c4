package io.resolvehub.admin;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.api.users.UserRules;
import io.resolvehub.core.TenantId;
import io.resolvehub.security.AdminUsers;
import io.resolvehub.security.TenantGrants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** Users: who may manage this tenant; the owner adds admins of this tenant only. */
@Controller
@AdminPage
@RequestMapping("/t/{tenant}/users")
class UsersPage {

    private final AdminUsers users;
    private final TenantAccess access;

    UsersPage(AdminUsers users, TenantAccess access) {
        this.users = users;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable String tenant, Model model) {
        model.addAttribute("users", users.of(access.require(tenant)));
        model.addAttribute("minPassword", UserRules.MIN_PASSWORD);
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
}
