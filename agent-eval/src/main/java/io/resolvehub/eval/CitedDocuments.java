package io.resolvehub.eval;

import io.resolvehub.agent.VoiceSettings;
import io.resolvehub.agent.answer.ConfidenceModel;
import io.resolvehub.agent.answer.ExtractiveAnswerEngine;
import io.resolvehub.agent.embed.MiniLmEmbedder;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.agent.person.PersonRequestsByMeaning;
import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;
import io.resolvehub.core.Decision;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import io.resolvehub.core.conversation.HandoffPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The document each question's answer cites, as insights keeps it: the questions asked through the dry run
 * {@code POST /ask} uses (default hand-off policy, the extractive agent over the set's documents indexed as the hub
 * ingests them), and of each reply its first citation's source and title, or null when the hub handed off (as
 * {@code GapRecheck.reply} keeps a reply). For a corpus of passages cut from pages (mtrag_cloud), the citation names
 * the page the passage was cut from instead of its title, which many passages lack.
 */
final class CitedDocuments {

    private static final TenantId TENANT = new TenantId("eval");

    private CitedDocuments() {
    }

    static List<String> of(EvalSet corpus, List<String> questions, MiniLmEmbedder embedder, Path work) throws IOException {
        return of(corpus, Map.of(), questions, embedder, work);
    }

    /** @param pageOf the page each passage (by id) was cut from; empty when the corpus's documents are whole */
    static List<String> of(EvalSet corpus, Map<String, String> pageOf, List<String> questions, MiniLmEmbedder embedder,
                           Path work) throws IOException {
        Files.createDirectories(work);
        CachedEmbedder passages = new CachedEmbedder(embedder, work.resolve(corpus.name() + "-vectors.bin"));
        Path indexDir = Files.createTempDirectory(work, "index");
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(indexDir)) {
            EvalCorpus.index(corpus, TENANT, index, passages);
            passages.save();
            ExtractiveAnswerEngine engine = new ExtractiveAnswerEngine(index, embedder, t -> VoiceSettings.DEFAULT,
                    ConfidenceModel.CALIBRATED);
            FirstTurnDryRun dryRun = FirstTurnDryRun.of(HandoffPolicy.defaults(), engine, new PersonRequestsByMeaning(embedder));
            List<String> documents = new ArrayList<>();
            for (String question : questions) {
                documents.add(citedDocument(dryRun.ask(TENANT, question, List.of()), pageOf));
            }
            return documents;
        }
    }

    private static String citedDocument(Answer answer, Map<String, String> pageOf) {
        if (answer.decision() == Decision.HANDOFF || answer.citations().isEmpty()) {
            return null;
        }
        Citation first = answer.citations().getFirst();
        String passage = EvalCorpus.docOf(first.url());
        String page = passage == null ? null : pageOf.get(passage);
        return first.sourceId() + "\n" + (page != null ? page : first.title());
    }
}
