package io.resolvehub.setup;

import io.resolvehub.HubProperties;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What the hub sets up the first time it starts on an empty database: tenant {@code default} and the admin user,
 * and the sample help center when {@code hub.demo.enabled}. */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final TenantDirectory tenants;
    private final InitialAdmin initialAdmin;
    private final DemoHelpCenter demo;
    private final SetupMarkers markers;
    private final boolean demoEnabled;

    FirstStart(TenantDirectory tenants, InitialAdmin initialAdmin, DemoHelpCenter demo, SetupMarkers markers,
               HubProperties properties) {
        this.tenants = tenants;
        this.initialAdmin = initialAdmin;
        this.demo = demo;
        this.markers = markers;
        this.demoEnabled = properties.demo().enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenants.create(TenantId.DEFAULT, "Default")) {
            log.info("Created tenant 'default'");
        }
        initialAdmin.ensureExists();
        // Marked before loading: sources are durable once added, and a restart must not add them twice.
        if (demoEnabled && markers.markDone("demo-help-center")) {
            demo.loadInto(TenantId.DEFAULT);
        }
    }
}
