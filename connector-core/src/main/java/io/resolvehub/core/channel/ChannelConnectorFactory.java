package io.resolvehub.core.channel;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;

import java.util.List;

/** One per channel type; holds no tenant state. Registered as a Spring bean by the connector's auto-configuration. */
public interface ChannelConnectorFactory {

    /** The stable id ({@code slack}, {@code teams}, {@code zendesk}). */
    ChannelType type();

    /** The settings a tenant provides, in form order. */
    List<ChannelConfigProperty> configProperties();

    /** Checks the parameters first (naming any missing one), then connectivity. */
    Verification verify(ChannelSettings settings);

    /** Creates the tenant's connector. No network I/O here. */
    ChannelConnector create(TenantId tenant, ChannelSettings settings);
}
