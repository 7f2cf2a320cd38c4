package io.resolvehub.api.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.resolvehub.agent.FileFormat;
import io.resolvehub.agent.IngestionBusyException;
import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceLimitException;
import io.resolvehub.agent.SourceProgress;
import io.resolvehub.agent.SourceStatus;
import io.resolvehub.agent.SourceType;
import io.resolvehub.agent.UnsupportedFileTypeException;
import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Knowledge sources: upload, add by URL or text, list, resync, delete. Indexing runs in the background. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/sources")
class KnowledgeSourcesController {

    record Accepted(String id, String status) {
        static Accepted of(KnowledgeSource source) {
            return new Accepted(source.id(), source.status().wire());
        }
    }

    private static final String JSON_TYPES = "\"url\", \"sitemap\", \"zendesk_guide\" or \"text\"";

    record AddSource(String type, String url, String title, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SourceView(String id, String type, String title, String status, int chunks, String error, ProgressView progress) {
        static SourceView of(KnowledgeSource s) {
            String title = s.title() != null ? s.title() : s.filename() != null ? s.filename() : s.url();
            return new SourceView(s.id(), s.type().wire(), title, s.status().wire(), s.chunks(), s.error(),
                    s.status() == SourceStatus.INDEXING ? ProgressView.of(s.progress()) : null);
        }
    }

    /** While indexing: {@code done} of {@code total} pages or passages; total 0 while not known yet. */
    record ProgressView(int done, int total, String unit) {
        static ProgressView of(SourceProgress p) {
            return new ProgressView(p.done(), p.total(), p.unit().wire());
        }
    }

    private final KnowledgeBase knowledge;
    private final TenantAccess access;

    KnowledgeSourcesController(KnowledgeBase knowledge, TenantAccess access) {
        this.knowledge = knowledge;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> upload(@PathVariable String tenant, @RequestPart(name = "file", required = false) MultipartFile file,
                                    @RequestParam(name = "title", required = false) String title) {
        TenantId id = access.require(tenant);
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            // No part, or what a form sends when no file was chosen (no name, no bytes): that is a missing file, not
            // an unsupported type; and Spring's own "Required part 'file' is not present." does not say what to send.
            throw ApiException.badRequest("The request has no file: send the document as multipart form field 'file' with a "
                    + "file name (" + FileFormat.SUPPORTED + "), or JSON {\"type\":\"url\"|\"sitemap\"|\"zendesk_guide\"|\"text\",…} for other sources.");
        }
        if (FileFormat.declared(file.getOriginalFilename(), file.getContentType()).isEmpty()) {
            throw ApiException.unsupportedMediaType(new UnsupportedFileTypeException(file.getOriginalFilename(), file.getContentType()).getMessage());
        }
        if (file.isEmpty()) {
            throw ApiException.badRequest("The uploaded file '" + file.getOriginalFilename() + "' is empty; choose a document with content.");
        }
        byte[] content;
        try {
            content = file.getBytes();   // spooled to disk by the multipart resolver above its threshold; read once to store it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return accepted(() -> knowledge.addFile(id, title, file.getOriginalFilename(), file.getContentType(), content));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> add(@PathVariable String tenant, @RequestBody AddSource body) {
        TenantId id = access.require(tenant);
        if (body == null || body.type() == null) {
            throw ApiException.badRequest("'type' is required: " + JSON_TYPES + " (upload files as multipart field 'file').");
        }
        return switch (body.type().toLowerCase(Locale.ROOT)) {
            case "text" -> accepted(() -> knowledge.addText(id, body.title(), body.text()));
            case "url" -> accepted(() -> knowledge.addWeb(id, SourceType.URL, body.url(), body.title()));
            case "sitemap" -> accepted(() -> knowledge.addWeb(id, SourceType.SITEMAP, body.url(), body.title()));
            case "zendesk_guide" -> {
                String url = guideUrl(body.url());
                yield accepted(() -> knowledge.addWeb(id, SourceType.ZENDESK_GUIDE, url, body.title()));
            }
            default -> throw ApiException.badRequest("'type' must be " + JSON_TYPES + ", not \"" + body.type()
                    + "\" (upload files as multipart field 'file').");
        };
    }

    @GetMapping
    List<SourceView> list(@PathVariable String tenant) {
        return knowledge.list(access.require(tenant)).stream().map(SourceView::of).toList();
    }

    @PostMapping("/{id}/resync")
    ResponseEntity<Accepted> resync(@PathVariable String tenant, @PathVariable String id) {
        TenantId t = access.require(tenant);
        KnowledgeSource source = knowledge.resync(t, id).orElseThrow(() -> notFound(t, id));
        // The source read back after queueing may already be indexing or even ready again (an unchanged upload takes
        // milliseconds); answer what the call did, as adding a source does: accepted and pending. GET shows progress.
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(source.id(), SourceStatus.PENDING.wire()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String id) {
        TenantId t = access.require(tenant);
        if (!knowledge.delete(t, id)) {
            throw notFound(t, id);
        }
        return ResponseEntity.noContent().build();
    }

    /** A help center is named by its address: say so here, where the caller chose zendesk_guide, not in a generic url message. */
    private static String guideUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("'url' is required for a zendesk_guide source: the help center's address, e.g. "
                    + "\"https://acme.zendesk.com\" or \"https://acme.zendesk.com/hc/en-us\" for one locale.");
        }
        String scheme = url.strip().toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("http://") && !scheme.startsWith("https://")) {
            throw ApiException.badRequest("'url' of a zendesk_guide source must be an http(s) address such as "
                    + "\"https://acme.zendesk.com\", not \"" + url + "\".");
        }
        return url;
    }

    private static ResponseEntity<Accepted> accepted(Supplier<KnowledgeSource> add) {
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Accepted.of(add.get()));
        } catch (UnsupportedFileTypeException e) {
            throw ApiException.unsupportedMediaType(e.getMessage());
        } catch (IngestionBusyException e) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        } catch (SourceLimitException e) {
            throw new ApiException(e.bytes() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ApiException notFound(TenantId tenant, String id) {
        return ApiException.notFound("Tenant '" + tenant + "' has no knowledge source '" + id
                + "'. List its sources with GET /api/v1/tenants/" + tenant + "/sources.");
    }
}
