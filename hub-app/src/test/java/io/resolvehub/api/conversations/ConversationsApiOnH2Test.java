package io.resolvehub.api.conversations;

import io.resolvehub.HubTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ScriptedAgent.class)
class ConversationsApiOnH2Test extends ConversationsApiContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.demo.enabled", () -> "false");
    }
}
