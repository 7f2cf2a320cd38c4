package io.resolvehub.security.fuzz;

import io.resolvehub.HubTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestFuzzOnH2Test extends RestFuzzContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.demo.enabled", () -> "false");
        // the caps would refuse most uploads after the first thousand: the fuzz is for the parsers behind them
        registry.add("hub.agent.sources.max-per-tenant", () -> "1000000");
    }

    @Override
    protected String database() {
        return "h2";
    }
}
