package io.resolvehub.core.inbound;

import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs an {@link InboundEndpoint}'s steps in the one order every channel shares: verification, tenant resolution,
 * redelivery check, translation, durable intake, bookkeeping, and only then the acknowledgement. Whatever fails after
 * verification is {@link InboundOutcome.Unavailable}: the platform delivers again, so nothing acknowledged is lost.
 */
public final class InboundDoor<D> {

    /** How long a platform is asked to wait when the hub's own database failed. */
    static final Duration RETRY_AFTER_STORAGE_FAILURE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(InboundDoor.class);

    private final InboundEndpoint<D> endpoint;
    private final InboundIntake intake;

    public InboundDoor(InboundEndpoint<D> endpoint, InboundIntake intake) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    public InboundOutcome receive(InboundRequest request) {
        D delivery;
        switch (verify(request)) {
            case InboundEndpoint.Verified.Refused<D> refused -> {
                if (refused.outcome() instanceof InboundOutcome.Rejected rejected) {
                    log.warn("{} refused with {}: {}", endpoint.name(), rejected.status(), rejected.detail());
                } else {
                    log.debug("{} acknowledged: {}", endpoint.name(), refused.outcome());
                }
                return refused.outcome();
            }
            case InboundEndpoint.Verified.Authentic<D> authentic -> delivery = authentic.delivery();
        }
        InboundOutcome outcome;
        try {
            outcome = handle(delivery);
        } catch (InboundEndpoint.Ended ended) {
            if (ended.outcome() instanceof InboundOutcome.Rejected rejected) {
                log.warn("{} refused with {}: {}", endpoint.name(), rejected.status(), rejected.detail());
            } else {
                log.info("{} ended early: {}", endpoint.name(), ended.getMessage());
            }
            outcome = ended.outcome();
        }
        return endpoint.acknowledgement(delivery, outcome);
    }

    /** A payload an endpoint's parser chokes on is malformed input (400), not the hub's failure. */
    private InboundEndpoint.Verified<D> verify(InboundRequest request) {
        try {
            return endpoint.verify(request);
        } catch (RuntimeException e) {
            log.debug("{} unreadable: {}", endpoint.name(), e.toString());
            return InboundEndpoint.Verified.refused(InboundOutcome.rejected(400,
                    "not a well-formed " + endpoint.name() + "; send the platform's payload as documented"));
        }
    }

    private InboundOutcome handle(D delivery) {
        Optional<TenantId> tenant;
        try {
            tenant = endpoint.tenant(delivery);
        } catch (InboundEndpoint.Ended ended) {
            throw ended;
        } catch (RuntimeException e) {
            return unavailable("could not look the tenant up", e);
        }
        if (tenant.isEmpty()) {
            return InboundOutcome.ignored(InboundOutcome.NO_TENANT);
        }
        try {
            if (endpoint.alreadyHandled(tenant.get(), delivery)) {
                log.debug("{} for tenant {} seen before: acknowledged", endpoint.name(), tenant.get());
                return InboundOutcome.duplicate();
            }
            Optional<InboundMessage> message = endpoint.translate(tenant.get(), delivery).map(InboundLimits::bounded);
            InboundOutcome outcome = message.isEmpty() ? InboundOutcome.ignored("nothing to do")
                    : store(tenant.get(), delivery, message.get());
            endpoint.handled(tenant.get(), delivery);
            return outcome;
        } catch (InboundEndpoint.Ended ended) {
            throw ended;
        } catch (ChannelException e) {
            log.warn("{} for tenant {} not handled yet: {}", endpoint.name(), tenant.get(), e.getMessage());
            return InboundOutcome.unavailable("could not read what the delivery refers to from the platform; retry",
                    e.retriable() && e.retryAfter() != null ? e.retryAfter() : RETRY_AFTER_STORAGE_FAILURE);
        } catch (IllegalArgumentException | NullPointerException | ClassCastException | IndexOutOfBoundsException
                 | UnsupportedOperationException | java.time.DateTimeException e) {
            // a verified delivery whose content does not have the platform's shape: redelivering it would fail again
            String detail = "a field of the " + endpoint.name() + " is missing or has the wrong shape";
            log.warn("{} for tenant {} refused with 400: {} ({})", endpoint.name(), tenant.get(), detail, e.toString());
            return InboundOutcome.rejected(400, detail);
        } catch (RuntimeException e) {
            return unavailable("not stored; retry", e);
        }
    }

    private InboundOutcome store(TenantId tenant, D delivery, InboundMessage message) {
        if (intake.accept(message, () -> endpoint.storedWith(tenant, delivery, message)) == InboundIntake.Outcome.DUPLICATE) {
            log.debug("{} {} seen before: acknowledged, not processed again", endpoint.name(), message.platformEventId());
            return InboundOutcome.duplicate();
        }
        return InboundOutcome.accepted();
    }

    private InboundOutcome unavailable(String detail, RuntimeException e) {
        log.error("{} could not be stored; not acknowledged, so the platform delivers it again", endpoint.name(), e);
        return InboundOutcome.unavailable(detail, RETRY_AFTER_STORAGE_FAILURE);
    }
}
