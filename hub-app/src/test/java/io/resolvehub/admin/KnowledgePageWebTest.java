package io.resolvehub.admin;

import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceStatus;
import io.resolvehub.agent.SourceType;
import io.resolvehub.api.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Knowledge page in a web slice, the knowledge base stood in: a failed source shows its reason; an address that
 * is not http(s) and an empty upload are explained next to their field and add nothing; a good address is added as
 * the chosen type and redirects; another tenant's page and forms are refused.
 */
@WebMvcTest(KnowledgePage.class)
class KnowledgePageWebTest extends WebSlice {

    @MockitoBean
    KnowledgeBase knowledge;
    @MockitoBean
    PassageSearch passages;

    private static MockHttpServletRequestBuilder web(String tenant, String type, String url) {
        return post("/t/" + tenant + "/knowledge/web").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("type", type).param("url", url);
    }

    @Test
    void aFailedSourceShowsItsReason() throws Exception {
        when(knowledge.list(ACME)).thenReturn(List.of(new KnowledgeSource("s-1", ACME, SourceType.URL, null,
                "https://help.acme.test/", null, SourceStatus.FAILED, 0, "The site did not answer within 10 seconds.",
                null, Instant.EPOCH, Instant.EPOCH)));
        open(get("/t/acme/knowledge")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("https://help.acme.test/"), containsString("The site did not answer within 10 seconds."))));
    }

    @Test
    void badAddressesAndEmptyUploadsAreExplainedAndAddNothing() throws Exception {
        open(web("acme", "sitemap", "help.acme.test/sitemap.xml")).andExpect(status().isOk()).andExpect(content().string(
                allOf(containsString("id=\"url-error\""), containsString("Enter an http(s) address, e.g. https://help.example.com/sitemap.xml"))));
        mvc.perform(multipart("/t/acme/knowledge/upload").file(new MockMultipartFile("file", "empty.md", "text/markdown",
                        new byte[0])).principal(ACME_LEAD).accept(MediaType.TEXT_HTML)
                        .requestAttr("_csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "test-token")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("id=\"file-error\""),
                        containsString("Choose a document with content"))));
        verify(knowledge, never()).addWeb(any(), any(), anyString(), any());
        verify(knowledge, never()).addFile(any(), any(), any(), any(), any());
    }

    @Test
    void aGoodAddressIsAddedAsTheChosenTypeAndRedirects() throws Exception {
        open(web("acme", "sitemap", " https://help.acme.test/sitemap.xml ")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/t/acme/knowledge"))
                .andExpect(flash().attribute("notice", "https://help.acme.test/sitemap.xml is being read."));
        verify(knowledge).addWeb(ACME, SourceType.SITEMAP, "https://help.acme.test/sitemap.xml", null);
    }

    @Test
    void anotherTenantsKnowledgeIsRefused() throws Exception {
        open(get("/t/other-co/knowledge")).andExpect(status().isForbidden()).andExpect(content().string(containsString("Not allowed")));
        open(get("/t/other-co/knowledge/sources")).andExpect(status().isForbidden());
        open(web("other-co", "url", "https://other.test/")).andExpect(status().isForbidden());
        open(post("/t/other-co/knowledge/s-1/delete")).andExpect(status().isForbidden());
        open(get("/t/nobody/knowledge")).andExpect(status().isNotFound());
        verifyNoInteractions(knowledge, passages);
    }
}
