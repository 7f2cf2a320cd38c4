package io.resolvehub.api;

import io.resolvehub.agent.IngestionBusyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A full ingest queue reaches the API as 429 from any call, not only from the ones that catch it (resync does not):
 * the knowledge base's refusal itself is tested in agent-engine's {@code KnowledgeBaseResyncTest}.
 */
class FoundationApiIngestionBusyTest {

    @RestController
    static class BusyController {
        @PostMapping("/api/v1/tenants/acme/sources/src_1/resync")
        void resync() {
            throw new IngestionBusyException("The hub is still indexing many other sources; nothing was changed. "
                    + "Retry the resync in a minute.");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BusyController())
            .setControllerAdvice(new ApiExceptionHandler()).build();

    @Test
    void aFullIngestQueueAnswers429ProblemJsonSayingToRetryLater() throws Exception {
        mvc.perform(post("/api/v1/tenants/acme/sources/src_1/resync"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value("The hub is still indexing many other sources; nothing was changed. "
                        + "Retry the resync in a minute."))
                .andExpect(jsonPath("$.instance").value("/api/v1/tenants/acme/sources/src_1/resync"));
    }
}
