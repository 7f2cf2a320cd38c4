package io.resolvehub.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundOutcome;
import io.resolvehub.core.inbound.InboundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /zendesk/webhook/{tenant}} as core's inbound kit runs it. The tenant comes from the path and its
 * webhook secret from its channel record, so verification finds the tenant: the signature and timestamp are checked
 * first (401, nothing read or stored); a redelivered invocation is acknowledged at once; otherwise a change notice for
 * the ticket is stored and acknowledged. Zendesk is not called before the acknowledgement: the pipeline's worker reads
 * the ticket afterwards. When the database fails the kit answers 503, so Zendesk delivers again.
 */
final class ZendeskWebhook implements InboundEndpoint<ZendeskWebhook.Delivery> {

    static final String PATH = "/zendesk/webhook/*";
    static final String SIGNATURE = "X-Zendesk-Webhook-Signature";
    static final String TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp";
    static final String INVOCATION_ID = "X-Zendesk-Webhook-Invocation-Id";

    private static final Logger log = LoggerFactory.getLogger(ZendeskWebhook.class);
    /** Strict about what follows the object: a signed body with trailing garbage is not the event Zendesk sends. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final int CLEANUP_EVERY = 500;

    /** A signed invocation about one ticket of one tenant. */
    record Delivery(TenantId tenant, ChannelSettings channel, long ticketId, String invocationId) {
    }

    private final ChannelAccounts accounts;
    private final ZendeskInvocations invocations;
    private final ZendeskWebhookSignature signature;
    private final ZendeskProperties properties;
    private final Clock clock;
    private final AtomicLong handled = new AtomicLong();

    ZendeskWebhook(ChannelAccounts accounts, ZendeskInvocations invocations, ZendeskProperties properties, Clock clock) {
        this.accounts = accounts;
        this.invocations = invocations;
        this.signature = new ZendeskWebhookSignature(clock);
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "Zendesk webhook";
    }

    @Override
    public Verified<Delivery> verify(InboundRequest request) {
        String tenantPath = request.pathInfo();
        if (!TenantId.isValid(tenantPath)) {
            return Verified.refused(InboundOutcome.rejected(404, "no such tenant"));
        }
        TenantId tenant = new TenantId(tenantPath);
        Optional<ChannelSettings> channel = accounts.find(tenant, ChannelType.ZENDESK);
        String secret = channel.flatMap(s -> s.get(ZendeskSettings.WEBHOOK_SECRET)).orElse(null);
        if (secret == null) {
            // indistinguishable from a bad signature on purpose: the caller learns nothing about tenants
            return Verified.refused(InboundOutcome.rejected(401, "invalid signature"));
        }
        if (!signature.isValid(secret, request.header(TIMESTAMP), request.header(SIGNATURE), request.body())) {
            log.info("Zendesk webhook for tenant {} refused: bad signature or a timestamp more than 5 minutes off", tenant);
            return Verified.refused(InboundOutcome.rejected(401, "invalid signature"));
        }
        try {
            return Verified.authentic(new Delivery(tenant, channel.get(), ticketId(request.body()),
                    invocationId(request.header(INVOCATION_ID), request.header(SIGNATURE))));
        } catch (IllegalArgumentException e) {
            return Verified.refused(InboundOutcome.rejected(400, e.getMessage()));
        }
    }

    @Override
    public Optional<TenantId> tenant(Delivery delivery) {
        return Optional.of(delivery.tenant());
    }

    @Override
    public boolean alreadyHandled(TenantId tenant, Delivery delivery) {
        return invocations.seen(tenant, delivery.invocationId());
    }

    /**
     * A webhook names its ticket, not what changed: the hub stores a change notice for the ticket's thread, and the
     * pipeline's worker reads the ticket after the acknowledgement ({@link ZendeskChannelConnector#readChange}).
     */
    @Override
    public Optional<InboundMessage> translate(TenantId tenant, Delivery delivery) {
        String ticket = Long.toString(delivery.ticketId());
        return Optional.of(new InboundMessage(tenant, ChannelType.ZENDESK,
                noticeId(tenant.value() + "/ticket/" + ticket + "/webhook/", delivery.invocationId()), ticket,
                InboundKind.CHANGED, "", UserRef.anonymous(), Map.of(ZendeskReplyContext.TICKET_ID, ticket),
                clock.instant()));
    }

    /**
     * The invocation is recorded in the intake's transaction, with the change notice it brought: one commit before the
     * 200 instead of two, and an invocation is never recorded for a notice that was not stored.
     */
    @Override
    public void storedWith(TenantId tenant, Delivery delivery, InboundMessage message) {
        invocations.record(tenant, delivery.invocationId(), delivery.ticketId(), clock.instant());
    }

    @Override
    public void handled(TenantId tenant, Delivery delivery) {
        cleanUpNowAndThen();
    }

    /** {@code ticket_id} at the top level (a number or a string, as trigger placeholders produce), or {@code detail.id}. */
    static long ticketId(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body must be JSON with a ticket_id");
        }
        JsonNode id = root == null ? null : root.get("ticket_id");
        if ((id == null || id.isNull()) && root != null && root.path("detail").has("id")) {
            id = root.path("detail").get("id"); // Zendesk event-subscription webhooks (zen:event-type:ticket.*)
        }
        if (id == null || id.isNull() || !id.asText().strip().matches("\\d{1,18}")) {
            throw new IllegalArgumentException("the body must be JSON with a numeric ticket_id, e.g. {\"ticket_id\": \"{{ticket.id}}\"}");
        }
        return Long.parseLong(id.asText().strip());
    }

    /** The notice's event id within the intake's 200 characters: a long invocation id is hashed. */
    private static String noticeId(String prefix, String invocationId) {
        return prefix.length() + invocationId.length() <= 200 ? prefix + invocationId : prefix + sha256(invocationId);
    }

    /** Zendesk always sends an invocation id; without one, the signature (unique per timestamp and body) stands in. */
    private static String invocationId(String header, String signature) {
        if (header != null && !header.isBlank()) {
            return header.length() > 200 ? header.substring(0, 200) : header.strip();
        }
        return "sig:" + sha256(signature);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void cleanUpNowAndThen() {
        if (handled.incrementAndGet() % CLEANUP_EVERY == 0) {
            int forgotten = invocations.forgetBefore(clock.instant().minus(properties.invocationsKept()));
            log.debug("Forgot {} Zendesk webhook invocations older than {}", forgotten, properties.invocationsKept());
        }
    }
}
