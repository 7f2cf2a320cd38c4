package io.resolvehub.ops;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsOnH2Test extends MetricsContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        metricsSettings(registry);
    }
}
