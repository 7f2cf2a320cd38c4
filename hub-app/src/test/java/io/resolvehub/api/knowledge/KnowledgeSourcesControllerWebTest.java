package io.resolvehub.api.knowledge;

import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceProgress;
import io.resolvehub.agent.SourceStatus;
import io.resolvehub.agent.SourceType;
import io.resolvehub.api.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Knowledge sources' REST calls in a web slice, the knowledge base stood in: an upload is accepted as pending; the
 * list shows an indexing source's progress; a missing, unsupported or empty file, a JSON source of no or an unknown
 * type, a help center that is not an address and another or unknown tenant are refused before the knowledge base is
 * asked; an unknown source is 404 saying how to list them. (Indexing runs for real in the knowledge contracts.)
 */
@WebMvcTest(KnowledgeSourcesController.class)
class KnowledgeSourcesControllerWebTest extends WebSlice {

    @MockitoBean
    KnowledgeBase knowledge;

    private static KnowledgeSource source(String id, SourceType type, SourceStatus status, SourceProgress progress) {
        return new KnowledgeSource(id, ACME, type, null, "https://acme.test/sitemap.xml", null, status, 0, null, null,
                Instant.EPOCH, Instant.EPOCH, progress);
    }

    @Test
    void anUploadIsAcceptedAsPending() throws Exception {
        when(knowledge.addFile(ACME, "FAQ", "faq.md", "text/markdown", "# FAQ".getBytes()))
                .thenReturn(source("s-1", SourceType.FILE, SourceStatus.PENDING, new SourceProgress(0, 0, SourceProgress.Unit.PASSAGES)));
        mvc.perform(multipart("/api/v1/tenants/acme/sources").file(new MockMultipartFile("file", "faq.md", "text/markdown",
                        "# FAQ".getBytes())).param("title", "FAQ").principal(ACME_LEAD))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.id").value("s-1"))
                .andExpect(jsonPath("$.status").value("pending"));
    }

    @Test
    void theListShowsAnIndexingSourcesProgress() throws Exception {
        when(knowledge.list(ACME)).thenReturn(List.of(source("s-2", SourceType.SITEMAP, SourceStatus.INDEXING,
                new SourceProgress(3, 10, SourceProgress.Unit.PAGES))));
        send(get("/api/v1/tenants/acme/sources")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("https://acme.test/sitemap.xml"))
                .andExpect(jsonPath("$[0].status").value("indexing"))
                .andExpect(jsonPath("$[0].progress.done").value(3)).andExpect(jsonPath("$[0].progress.total").value(10))
                .andExpect(jsonPath("$[0].progress.unit").value("pages"));
    }

    @Test
    void badInputAndOtherTenantsAreRefusedBeforeTheKnowledgeBaseIsAsked() throws Exception {
        problem(mvc.perform(multipart("/api/v1/tenants/acme/sources").param("title", "x").principal(ACME_LEAD)), 400,
                "The request has no file: send the document as multipart form field 'file'");
        problem(mvc.perform(multipart("/api/v1/tenants/acme/sources").file(new MockMultipartFile("file", "setup.exe",
                "application/octet-stream", new byte[]{1})).principal(ACME_LEAD)), 415, "setup.exe");
        problem(mvc.perform(multipart("/api/v1/tenants/acme/sources").file(new MockMultipartFile("file", "empty.md",
                "text/markdown", new byte[0])).principal(ACME_LEAD)), 400, "'empty.md' is empty; choose a document with content");
        problem(send(post("/api/v1/tenants/acme/sources"), "{\"url\":\"https://acme.test\"}"), 400, "'type' is required");
        problem(send(post("/api/v1/tenants/acme/sources"), "{\"type\":\"pdf\"}"), 400, "'type' must be \"url\"");
        problem(send(post("/api/v1/tenants/acme/sources"), "{\"type\":\"zendesk_guide\",\"url\":\"acme.zendesk.com\"}"), 400,
                "must be an http(s) address such as \"https://acme.zendesk.com\"");
        problem(send(post("/api/v1/tenants/other-co/sources"), "{\"type\":\"text\",\"text\":\"hi\"}"), 403, "may not see 'other-co'");
        problem(send(delete("/api/v1/tenants/other-co/sources/s-1")), 403, "may not see 'other-co'");
        problem(send(get("/api/v1/tenants/nobody/sources")), 404, "There is no tenant 'nobody'");
        verifyNoInteractions(knowledge);
    }

    @Test
    void anUnknownSourceSaysHowToListThem() throws Exception {
        when(knowledge.resync(any(), anyString())).thenReturn(Optional.empty());
        problem(send(post("/api/v1/tenants/acme/sources/s-9/resync")), 404,
                "Tenant 'acme' has no knowledge source 's-9'. List its sources with GET /api/v1/tenants/acme/sources.");
        problem(send(delete("/api/v1/tenants/acme/sources/s-9")), 404, "has no knowledge source 's-9'");
    }
}
