package io.resolvehub.insights;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicClusteringTest {

    private static float[] unit(double... values) {
        double norm = Math.sqrt(java.util.Arrays.stream(values).map(v -> v * v).sum());
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = (float) (values[i] / norm);
        }
        return vector;
    }

    @Test
    void startsATopicForEachDirectionItHasNotSeenAndGroupsTheNearOnes() {
        TopicClustering clustering = new TopicClustering(0.8);

        int first = clustering.assign(unit(1, 0, 0));
        int near = clustering.assign(unit(0.95, 0.1, 0));
        int other = clustering.assign(unit(0, 1, 0));
        int nearOther = clustering.assign(unit(0.05, 1, 0.1));

        assertThat(first).isEqualTo(near).isZero();
        assertThat(other).isEqualTo(nearOther).isEqualTo(1);
        assertThat(clustering.size()).isEqualTo(2);
        assertThat(clustering.members(0)).isEqualTo(2);
    }

    @Test
    void joinsTheMostSimilarTopicWhenSeveralAreCloseEnough() {
        TopicClustering clustering = new TopicClustering(0.5);
        clustering.add(unit(1, 0), 3);
        clustering.add(unit(0.6, 0.8), 3);

        assertThat(clustering.assign(unit(0.5, 0.85))).isEqualTo(1);
        assertThat(clustering.assign(unit(0.99, 0.1))).isZero();
        assertThat(clustering.members(0)).isEqualTo(4);
    }

    @Test
    void aCentroidFollowsItsMembers() {
        TopicClustering clustering = new TopicClustering(0.7);
        clustering.assign(unit(1, 0));
        clustering.assign(unit(0.8, 0.6)); // 0.8 similar: joins, and pulls the centroid towards (0.9, 0.3)

        // 0.6 similar to the first member alone, but about 0.76 to the centroid of both
        assertThat(clustering.assign(unit(0.6, 0.8))).isZero();
    }

    @Test
    void aQuestionAnsweredFromTheTopicsDocumentJoinsItBelowTheThresholdByUpToTheMargin() {
        TopicClustering clustering = new TopicClustering(0.8, 0.15);
        clustering.assign(unit(1, 0), "help\nSync between devices");

        // cosine 0.7: under 0.8 alone, 0.85 with the same document
        assertThat(clustering.assign(unit(0.7, 0.714), "help\nSync between devices")).isZero();
        // cosine 0.6 is not rescued: 0.75 with the same document
        assertThat(clustering.assign(unit(0.6, -0.8), "help\nSync between devices")).isEqualTo(1);
    }

    @Test
    void aQuestionAnsweredFromAnotherDocumentStaysApartUnlessCloserThanTheThresholdPlusTheMargin() {
        TopicClustering clustering = new TopicClustering(0.5, 0.15);
        clustering.assign(unit(1, 0), "help\nExport notes as PDF");

        // cosine 0.6: would join alone, 0.45 with another document
        assertThat(clustering.assign(unit(0.6, 0.8), "help\nImport notes")).isEqualTo(1);
        // cosine 0.7 still joins: 0.55 with another document
        assertThat(clustering.assign(unit(0.7, -0.714), "help\nImport notes")).isZero();
    }

    @Test
    void questionsOrTopicsWithoutADocumentCompareByCosineAlone() {
        TopicClustering clustering = new TopicClustering(0.5, 0.15);
        clustering.assign(unit(1, 0), null); // handed off: no document
        clustering.add(unit(0, 1), 4, java.util.Map.of("help\nApi keys", 3, "help\nBilling", 1));

        // 0.75 to the topic without a document; 0.66 - 0.15 to the one that cited another
        assertThat(clustering.assign(unit(0.75, 0.66), "help\nReset your password")).isZero();
        assertThat(clustering.assign(unit(0.45, 0.893), null)).isEqualTo(1); // no document: 0.89 to 1
        assertThat(clustering.assign(unit(0.45, 0.893), "help\nApi keys")).isEqualTo(1);
        assertThat(clustering.size()).isEqualTo(2);
    }

    @Test
    void theTopicsDocumentIsTheOneMostOfItsQuestionsCited() {
        TopicClustering clustering = new TopicClustering(0.8, 0.15);
        clustering.add(unit(1, 0), 3, java.util.Map.of("help\nBilling", 1, "help\nInvoices", 2));

        assertThat(clustering.assign(unit(0.7, 0.714), "help\nInvoices")).isZero(); // 0.7 + 0.15
        assertThat(clustering.assign(unit(0.7, -0.714), "help\nBilling")).isEqualTo(1); // 0.7 - 0.15
    }
}
