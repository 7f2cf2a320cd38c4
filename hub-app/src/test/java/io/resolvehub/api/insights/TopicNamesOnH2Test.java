package io.resolvehub.api.insights;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TopicNamesOnH2Test extends TopicNamesContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        settings(registry);
    }
}
