package io.resolvehub.core.inbound;

import io.resolvehub.core.InboundIntake;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * The auto-configuration piece every channel shares: its {@link InboundEndpoint} served by the one
 * {@link InboundServlet} through core's durable intake. A channel's auto-configuration declares one bean:
 * <pre>{@code
 * @Bean
 * ServletRegistrationBean<InboundServlet> acmeInbound(InboundIntake intake, AcmeProperties properties) {
 *     return InboundEndpoints.serve("acmeInbound", new AcmeEndpoint(...), intake, properties.maxBodyBytes(), "/acme/events");
 * }
 * }</pre>
 */
public final class InboundEndpoints {

    private InboundEndpoints() {
    }

    public static ServletRegistrationBean<InboundServlet> serve(String name, InboundEndpoint<?> endpoint,
                                                                InboundIntake intake, int maxBodyBytes,
                                                                String... urlMappings) {
        ServletRegistrationBean<InboundServlet> registration = new ServletRegistrationBean<>(
                new InboundServlet(new InboundDoor<>(endpoint, intake), maxBodyBytes), urlMappings);
        registration.setName(name);
        return registration;
    }
}
