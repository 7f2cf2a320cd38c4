package io.resolvehub;

import io.resolvehub.billing.LowBalanceAlerted;
import io.resolvehub.core.channel.Report;
import io.resolvehub.insights.DigestSender;
import io.resolvehub.insights.DigestSettings;
import io.resolvehub.insights.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;

/**
 * Billing's low-balance alert (at most once per tenant and day) also goes where the tenant's digest goes, when it has
 * one: a short report in its Slack channel, Teams conversation or inbox. Sent after the alert's transaction commits
 * and off the thread that charged; a failure is logged, and the alert stays on the admin page and in the next digest.
 */
@Component
class LowBalanceDigestAlert {

    private static final Logger log = LoggerFactory.getLogger(LowBalanceDigestAlert.class);

    private final Digests digests;
    private final DigestSender sender;

    LowBalanceDigestAlert(Digests digests, DigestSender sender) {
        this.digests = digests;
        this.sender = sender;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LowBalanceAlerted alert) {
        DigestSettings destination = digests.settings(alert.tenant());
        if (!destination.hasDestination()) {
            return;
        }
        Report report = new Report("Low balance: " + alert.available() + " coins available",
                "Below your alert level of " + alert.lowBalanceCoins() + " coins. At zero, new conversations go straight"
                        + " to a person instead of the AI.",
                List.of(new Report.Section("What to do", List.of(), List.of("Top up on the admin page's Billing page."))));
        Thread.ofVirtual().name("low-balance-digest").start(() -> {
            try {
                sender.send(alert.tenant(), destination.channel(), destination.target(), report);
            } catch (RuntimeException e) {
                log.warn("Could not post the low-balance alert of tenant {} to {} {}: {}", alert.tenant(),
                        destination.channel(), destination.target(), e.getMessage());
            }
        });
    }
}
