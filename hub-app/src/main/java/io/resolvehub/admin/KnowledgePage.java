package io.resolvehub.admin;

import io.resolvehub.agent.FileFormat;
import io.resolvehub.agent.IngestionBusyException;
import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceStatus;
import io.resolvehub.agent.SourceType;
import io.resolvehub.agent.UnsupportedFileTypeException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Knowledge: the tenant's sources with live status (htmx polls the sources block while one is indexing), upload, add a
 * page / sitemap / Zendesk Guide by URL, re-sync, retry a failed source, delete. Same {@link KnowledgeBase} as the API.
 */
@Controller
@AdminPage
@RequestMapping("/t/{tenant}/knowledge")
class KnowledgePage {

    record Row(String id, String type, String title, String url, String status, int chunks, String error,
               int done, int total, String unit) {
        static Row of(KnowledgeSource s) {
            String title = s.title() != null ? s.title() : s.filename() != null ? s.filename() : s.url();
            return new Row(s.id(), s.type().wire(), title, s.url(), s.status().wire(), s.chunks(), s.error(),
                    s.progress().done(), s.progress().total(), s.progress().unit().wire());
        }
    }

    private final KnowledgeBase knowledge;
    private final PassageSearch passages;
    private final TenantAccess access;

    KnowledgePage(KnowledgeBase knowledge, PassageSearch passages, TenantAccess access) {
        this.knowledge = knowledge;
        this.passages = passages;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable String tenant, @RequestParam(required = false) String q, Model model) {
        TenantId id = access.require(tenant);
        if (q != null && !q.isBlank() && q.length() <= TryItPage.MAX_QUESTION) {
            model.addAttribute("q", q);
            model.addAttribute("passages", passages.search(id, q));
        }
        return page(tenant, model);
    }

    /** The sources block alone: what the page's htmx polling swaps in while a source is pending or indexing. */
    @GetMapping("/sources")
    String sources(@PathVariable String tenant, Model model) {
        listSources(tenant, model);
        return "knowledge :: sources";
    }

    private String page(String tenant, Model model) {
        listSources(tenant, model);
        model.addAttribute("supported", FileFormat.SUPPORTED);
        return "knowledge";
    }

    private void listSources(String tenant, Model model) {
        List<KnowledgeSource> sources = knowledge.list(access.require(tenant));
        model.addAttribute("sources", sources.stream().map(Row::of).toList());
        model.addAttribute("working", sources.stream()
                .anyMatch(s -> s.status() == SourceStatus.PENDING || s.status() == SourceStatus.INDEXING));
    }

    @PostMapping("/upload")
    String upload(@PathVariable String tenant, @RequestParam(name = "file", required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect) throws IOException {
        TenantId id = access.require(tenant);
        if (file == null || file.isEmpty()) {
            return invalid(tenant, model, "file", "Choose a document with content: " + FileFormat.SUPPORTED + ".");
        }
        byte[] content = file.getBytes();
        return add(tenant, model, redirect, "file", "'" + file.getOriginalFilename() + "' is being indexed.",
                () -> knowledge.addFile(id, null, file.getOriginalFilename(), file.getContentType(), content));
    }

    @PostMapping("/web")
    String addWeb(@PathVariable String tenant, @RequestParam String type, @RequestParam(required = false) String url,
                  Model model, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        SourceType kind = switch (type) {
            case "sitemap" -> SourceType.SITEMAP;
            case "zendesk_guide" -> SourceType.ZENDESK_GUIDE;
            default -> SourceType.URL;
        };
        if (url == null || !(url.strip().startsWith("http://") || url.strip().startsWith("https://"))) {
            return invalid(tenant, model, "url", "Enter an http(s) address, e.g. https://help.example.com/"
                    + (kind == SourceType.SITEMAP ? "sitemap.xml" : ""));
        }
        return add(tenant, model, redirect, "url", url.strip() + " is being read.",
                () -> knowledge.addWeb(id, kind, url.strip(), null));
    }

    @PostMapping("/{source}/resync")
    String resync(@PathVariable String tenant, @PathVariable String source, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        redirect.addFlashAttribute("notice", knowledge.resync(id, source).isPresent()
                ? "Reading the source again; its status updates below." : "That source no longer exists.");
        return "redirect:/t/" + tenant + "/knowledge";
    }

    @PostMapping("/{source}/delete")
    String delete(@PathVariable String tenant, @PathVariable String source, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        redirect.addFlashAttribute("notice", knowledge.delete(id, source)
                ? "Source deleted; its passages are no longer used in answers." : "That source no longer exists.");
        return "redirect:/t/" + tenant + "/knowledge";
    }

    private String add(String tenant, Model model, RedirectAttributes redirect, String field, String notice,
                       Supplier<KnowledgeSource> add) {
        try {
            add.get();
        } catch (UnsupportedFileTypeException | IngestionBusyException | IllegalArgumentException e) {
            return invalid(tenant, model, field, e.getMessage());
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/t/" + tenant + "/knowledge";
    }

    private String invalid(String tenant, Model model, String field, String message) {
        model.addAttribute("errors", Map.of(field, message));
        return page(tenant, model);
    }
}
