package io.resolvehub.setup;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What the hub sets up the first time it starts on an empty database: tenant {@code default} and the admin user. */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final TenantDirectory tenants;
    private final InitialAdmin initialAdmin;

    FirstStart(TenantDirectory tenants, InitialAdmin initialAdmin) {
        this.tenants = tenants;
        this.initialAdmin = initialAdmin;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenants.create(TenantId.DEFAULT, "Default")) {
            log.info("Created tenant 'default'");
        }
        initialAdmin.ensureExists();
    }
}
