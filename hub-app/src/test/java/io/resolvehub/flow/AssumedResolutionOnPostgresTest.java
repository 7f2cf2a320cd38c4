package io.resolvehub.flow;

import io.resolvehub.HubTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.resolution.silence-window=PT2S", "hub.resolution.check-interval=PT1S"})
class AssumedResolutionOnPostgresTest extends AssumedResolutionContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        HubTestSupport.usePostgres(registry);
    }
}
