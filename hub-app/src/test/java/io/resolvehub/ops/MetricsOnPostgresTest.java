package io.resolvehub.ops;

import io.resolvehub.HubTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsOnPostgresTest extends MetricsContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        metricsSettings(registry);
        HubTestSupport.usePostgres(registry);
    }
}
