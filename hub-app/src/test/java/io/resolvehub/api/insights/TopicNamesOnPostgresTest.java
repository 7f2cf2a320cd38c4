package io.resolvehub.api.insights;

import io.resolvehub.HubTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TopicNamesOnPostgresTest extends TopicNamesContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        settings(registry);
        HubTestSupport.usePostgres(registry);
    }
}
