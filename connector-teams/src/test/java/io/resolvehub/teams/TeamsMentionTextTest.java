package io.resolvehub.teams;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsMentionTextTest {

    @Test
    void stripsTheBotMentionFromAChannelMessage() {
        assertThat(TeamsMentionText.question("<at>ResolveHub</at> how do I reset my password?", "ResolveHub"))
                .isEqualTo("how do I reset my password?");
    }

    @Test
    void keepsOtherPeoplesNamesAndCollapsesTheSpaceTheBotMentionLeaves() {
        assertThat(TeamsMentionText.question("Hi <at>ResolveHub</at>&nbsp;can <AT>Casey</AT> export  notes?", "ResolveHub"))
                .isEqualTo("Hi can Casey export notes?");
    }

    @Test
    void leavesAPersonalChatMessageAlone() {
        assertThat(TeamsMentionText.question("where are my invoices", "ResolveHub")).isEqualTo("where are my invoices");
    }

    @Test
    void givesAnEmptyQuestionForABareMentionOrNoText() {
        assertThat(TeamsMentionText.question("<at>ResolveHub</at>", "ResolveHub")).isEmpty();
        assertThat(TeamsMentionText.question(null, "ResolveHub")).isEmpty();
    }
}
