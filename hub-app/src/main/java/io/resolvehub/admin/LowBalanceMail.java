package io.resolvehub.admin;

import io.resolvehub.billing.LowBalanceAlerted;
import io.resolvehub.core.tenant.TenantDirectory;
import io.resolvehub.security.AdminUsers;
import io.resolvehub.security.AdminUsers.AdminUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Emails billing's low-balance alert (at most one per tenant and day) to the tenant's admins whose user name is an
 * email address, when the hub has a mail server ({@code spring.mail.host}). Sent after the alert's transaction
 * commits and off the thread that charged, so a slow or failing mail server never holds up an answer; a failed send
 * is logged, and the alert stays on the admin page either way.
 */
@Component
class LowBalanceMail {

    private static final Logger log = LoggerFactory.getLogger(LowBalanceMail.class);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ObjectProvider<JavaMailSender> mail;
    private final AdminUsers users;
    private final TenantDirectory tenants;
    private final MailProperties properties;

    LowBalanceMail(ObjectProvider<JavaMailSender> mail, AdminUsers users, TenantDirectory tenants,
                   MailProperties properties) {
        this.mail = mail;
        this.users = users;
        this.tenants = tenants;
        this.properties = properties;
    }

    /** The admins of the tenant (and owners) who can be written to. */
    List<String> recipients(LowBalanceAlerted alert) {
        return users.of(alert.tenant()).stream().map(AdminUser::username).filter(n -> ADDRESS.matcher(n).matches()).toList();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LowBalanceAlerted alert) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<String> to = recipients(alert);
        if (to.isEmpty()) {
            log.info("Low-balance alert of tenant {} not emailed: none of its admins has an email address as user name",
                    alert.tenant());
            return;
        }
        SimpleMailMessage message = message(alert, to);
        Thread.ofVirtual().name("low-balance-mail").start(() -> {
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("Could not email the low-balance alert of tenant {} to {}: {}", alert.tenant(), to, e.getMessage());
            }
        });
    }

    SimpleMailMessage message(LowBalanceAlerted alert, List<String> to) {
        String name = tenants.find(alert.tenant()).map(t -> t.name()).orElse(alert.tenant().value());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject("ResolveHub: " + name + " is low on coins (" + Format.coins(alert.available()) + " available)");
        String page = properties.pageUrl() == null || properties.pageUrl().isBlank() ? null
                : properties.pageUrl().replaceAll("/+$", "") + "/t/" + alert.tenant() + "/billing";
        message.setText("""
                %s has %s available, below its alert level of %s.

                While a conversation is open its coins are held; at zero, new conversations go straight to a person \
                instead of the AI. Top up on the admin page's Billing page%s.

                You get this email at most once a day while the balance stays low.
                """.formatted(name, Format.coins(alert.available()), Format.coins(alert.lowBalanceCoins()),
                page == null ? "" : ": " + page));
        return message;
    }
}
