package io.resolvehub.security;

import io.resolvehub.HubTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantIsolationOnH2Test extends TenantIsolationContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.demo.enabled", () -> "false");
    }
}
