package io.resolvehub.core.channel;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;

import java.util.Optional;

/**
 * The tenants' channel records ({@code PUT /api/v1/tenants/{t}/channels/...}), secrets encrypted at rest with
 * {@code hub.master-key}. Thread-safe.
 */
public interface ChannelAccounts {

    Optional<ChannelSettings> find(TenantId tenant, ChannelType channel);

    /** The tenant that installed the platform account (Slack team id, Teams tenant id), if any. */
    Optional<TenantId> tenantForAccount(ChannelType channel, String accountKey);

    /**
     * Creates or replaces the record. Secret values left blank keep their stored value.
     *
     * @param accountKey the platform account id, unique per channel; may be null for channels without one
     * @throws IllegalArgumentException when the account key is already installed for another tenant
     */
    void save(TenantId tenant, ChannelType channel, String accountKey, ChannelSettings settings);

    void remove(TenantId tenant, ChannelType channel);
}
