package io.resolvehub.security.fuzz;

import io.resolvehub.HubTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestFuzzOnPostgresTest extends RestFuzzContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        HubTestSupport.usePostgres(registry);
        registry.add("hub.demo.enabled", () -> "false");
        // the caps would refuse most uploads after the first thousand: the fuzz is for the parsers behind them
        registry.add("hub.agent.sources.max-per-tenant", () -> "1000000");
    }

    @Override
    protected String database() {
        return "postgres";
    }

    /**
     * The HTTP and parsing paths are the embedded default's; this run checks what PostgreSQL refuses and H2 takes (a NUL
     * in text) and that refusals change nothing here too. {@code -Dfuzz.postgres.inputs=10000} for the full count.
     */
    @Override
    protected int inputs() {
        return Integer.getInteger("fuzz.postgres.inputs", 2_000);
    }
}
