package io.resolvehub.insights;

import io.resolvehub.core.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The digest: its settings, sending it now, and the scheduled run. A scheduled period becomes one delivery row keyed by
 * the tenant and the period's due time, so it is queued once however many instances notice it; a delivery is claimed
 * before it is sent, so one instance sends it; a failed send is retried with a doubling wait until
 * {@code hub.insights.digest-max-attempts}, then shown as failed. Thread-safe.
 */
public class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final DigestSettingsStore settings;
    private final DigestDeliveries deliveries;
    private final Insights insights;
    private final CoinFigures coins;
    private final Function<TenantId, Optional<String>> tenantNames;
    private final DigestSender sender;
    private final Clock clock;
    private final InsightsProperties properties;
    private final DigestComposer composer = new DigestComposer();

    Digests(DigestSettingsStore settings, DigestDeliveries deliveries, Insights insights, CoinFigures coins,
            Function<TenantId, Optional<String>> tenantNames, DigestSender sender, Clock clock, InsightsProperties properties) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.insights = insights;
        this.coins = coins;
        this.tenantNames = tenantNames;
        this.sender = sender;
        this.clock = clock;
        this.properties = properties;
    }

    public DigestSettings settings(TenantId tenant) {
        return settings.find(tenant).orElse(DigestSettings.defaults());
    }

    /** @throws InvalidDigestSettings naming what is wrong; nothing is saved then */
    public DigestSettings save(TenantId tenant, DigestSettings requested) {
        DigestSettings valid = requested.validated();
        Instant now = clock.instant();
        settings.save(tenant, valid, valid.nextDue(now), now);
        return valid;
    }

    /**
     * Queues the digest of the schedule's period up to now and sends it on another thread; each call sends one.
     *
     * @throws InvalidDigestSettings when the tenant has not said where the digest goes
     */
    public DigestDelivery sendNow(TenantId tenant) {
        DigestSettings current = settings(tenant);
        if (!current.hasDestination()) {
            throw new InvalidDigestSettings("The digest has nowhere to go yet: set its channel and target first with"
                    + " PUT /api/v1/tenants/" + tenant + "/digest, e.g. {\"schedule\":\"weekly\",\"channel\":\"slack\","
                    + "\"target\":\"C0123ABCD\"}.");
        }
        Instant now = clock.instant();
        Instant from = now.minus(current.period(current.nextDue(now)));
        long id = deliveries.enqueue(tenant, "now:" + UUID.randomUUID(), from, now, current.channel(), current.target(), now)
                .orElseThrow();
        Thread.ofVirtual().name("digest-" + id).start(() -> attempt(id));
        return deliveries.find(id).orElseThrow();
    }

    public List<DigestDelivery> deliveries(TenantId tenant, int limit) {
        return deliveries.recent(tenant, limit);
    }

    /** The scheduled run: queues every due period once, then sends what is due (first attempts and retries). */
    public void runDue() {
        // at the precision the database keeps (microseconds): a period queued "now" and stored rounded up would not be
        // due "now", and the last period before a quiet spell would wait for the next run
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (DigestSettingsStore.Due due : settings.due(now)) {
            try {
                DigestSettings s = due.settings();
                Instant from = due.dueAt().minus(s.period(due.dueAt()));
                deliveries.enqueue(due.tenant(), "scheduled:" + due.dueAt(), from, due.dueAt(), s.channel(), s.target(), now);
                settings.advance(due.tenant(), due.dueAt(), s.nextDue(now));
            } catch (RuntimeException e) {
                log.warn("Could not queue the digest of tenant {}: {}", due.tenant(), e.toString());
            }
        }
        for (long id : deliveries.due(now, 100)) {
            attempt(id);
        }
    }

    /** One attempt at a delivery, if this instance can claim it. */
    void attempt(long id) {
        Optional<DigestDelivery> claimed = deliveries.claim(id, clock.instant(), LEASE);
        if (claimed.isEmpty()) {
            return;
        }
        DigestDelivery d = claimed.get();
        TenantId tenant = new TenantId(d.tenant());
        try {
            InsightsReport report = insights.report(tenant, d.periodFrom(), d.periodTo());
            String name = tenantNames.apply(tenant).orElse(tenant.value());
            var digest = composer.compose(name, report, new DigestComposer.Coins(coins.available(tenant),
                    coins.lowBalance(tenant)), settings(tenant).zone());
            sender.send(tenant, d.channel(), d.target(), digest);
            deliveries.markSent(id, clock.instant());
        } catch (RuntimeException e) {
            boolean giveUp = d.attempts() >= properties.digestMaxAttempts();
            Instant retryAt = giveUp ? null
                    : clock.instant().plus(properties.digestRetryDelay().multipliedBy(1L << Math.min(d.attempts() - 1, 10)));
            log.warn("Digest {} of tenant {} to {} {} failed (attempt {}): {}{}", id, tenant, d.channel(), d.target(),
                    d.attempts(), e.getMessage(), giveUp ? "; giving up" : "; retrying at " + retryAt);
            deliveries.markFailed(id, String.valueOf(e.getMessage()), retryAt);
        }
    }
}
