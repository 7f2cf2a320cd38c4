package io.resolvehub.core.channel;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;

import java.util.List;
import java.util.Optional;

/** One per channel type; holds no tenant state. Registered as a Spring bean by the connector's auto-configuration. */
public interface ChannelConnectorFactory {

    /** The stable id ({@code slack}, {@code teams}, {@code zendesk}). */
    ChannelType type();

    /** The settings a tenant provides, in form order. */
    List<ChannelConfigProperty> configProperties();

    /**
     * The parameter stage of {@link #verify} alone, without the network: what is wrong with the settings' shape (a
     * missing setting, a URL that is not http(s), an id not in the platform's form), or empty. The hub refuses to store
     * settings with a problem, whether or not the platform can be reached.
     */
    default Optional<String> settingsProblem(ChannelSettings settings) {
        return settings.missing(configProperties());
    }

    /** Checks the parameters first ({@link #settingsProblem}), then connectivity. */
    Verification verify(ChannelSettings settings);

    /** Creates the tenant's connector. No network I/O here. */
    ChannelConnector create(TenantId tenant, ChannelSettings settings);
}
