package io.resolvehub.setup;

import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.core.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The bundled sample help center (the fictional Lumen Notes app, shipped in agent-engine, whose tests read the same
 * articles), loaded into tenant {@code default} on first start.
 */
@Component
class DemoHelpCenter {

    static final String FOLDER = "demo-help-center/";

    record Article(String file, String title, String url) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoHelpCenter.class);

    private final KnowledgeBase knowledge;
    private final JsonMapper json = JsonMapper.builder().build();

    DemoHelpCenter(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    void loadInto(TenantId tenant) {
        List<Article> articles = articles();
        for (Article article : articles) {
            knowledge.addDocument(tenant, article.title(), article.file(), read(article.file()), article.url());
        }
        log.info("Loading the sample help center ({} articles) into tenant '{}'; indexing runs in the background",
                articles.size(), tenant);
    }

    List<Article> articles() {
        try (InputStream in = new ClassPathResource(FOLDER + "index.json").getInputStream()) {
            return List.of(json.readValue(in, Article[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled sample help center is missing its index.json", e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = new ClassPathResource(FOLDER + file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled sample help center is missing " + file, e);
        }
    }
}
