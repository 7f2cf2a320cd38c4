package io.resolvehub.security;

import io.resolvehub.HubTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputOnH2Test extends BadInputContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.agent.sources.max-per-tenant", () -> "2");
        registry.add("hub.agent.sources.max-bytes-per-tenant", () -> "64B");
    }
}
