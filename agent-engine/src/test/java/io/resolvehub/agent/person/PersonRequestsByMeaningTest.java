package io.resolvehub.agent.person;

import io.resolvehub.agent.TestAgent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests for a person phrased outside any phrase list, and questions that merely name people (none is an example). */
class PersonRequestsByMeaningTest {

    private static final PersonRequestsByMeaning DETECTOR = new PersonRequestsByMeaning(TestAgent.EMBEDDER);

    @ParameterizedTest
    @ValueSource(strings = {
            "Could I please speak with somebody from your company?",
            "I'd like a real human to look at this",
            "need a person asap",
            "your bot is useless, connect me to support",
            "Can someone from the team give me a ring?",
            "is a human available to chat",
            "I would like to talk to an employee",
            "get me someone who can actually help",
            "Please escalate to a human being.",
            "can you transfer me to a live representative",
            "I prefer talking to a person over this chatbot",
            "any staff member around to help me?",
            "I need to talk to somebody at Acme about my invoice",
            "is there a support agent I can chat with",
            "Is there a phone number I can call?",
            "I'd rather deal with your billing team directly",
            "please have somebody get back to me",
            "I need to escalate this",
            "this isn't working, I need support to look at it",
            "let me talk to sales",
            "I give up on this chat, who can I contact?",
            "is there someone in accounts I can reach",
            "Could a team member look into my account personally?",
            "forward this to your support desk",
            "I want to open a ticket with your staff",
            "can I email support instead",
            "need to speak w/ someone asap",
            "I'd prefer to discuss this with a specialist",
            "put me in touch with billing",
            "can I talk to whoever handles refunds",
            "could a member of your staff look at order ORD-7Q2K-93XF for me?",
            "get me a real human NOW, my payouts are missing!!!",
            "I want an actual person, my card was charged three times",
            "need a human here, the import wiped my products"})
    void recognisesARequestForAPersonHoweverItIsPhrased(String message) {
        assertThat(DETECTOR.asksForPerson(message)).as(message).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "how do I add a person to my workspace",
            "How can I invite people to my project?",
            "How do I remove someone from my team?",
            "how many users can I add on the free plan",
            "How do I reset my password?",
            "Can I call the export API from a script?",
            "how do I give a teammate admin rights",
            "What does the agent status 'busy' mean in the dashboard?",
            "When is your support team available?",
            "who manages my account on your side",
            "How do I contact a member of my workspace from the app?",
            "Where do I change my phone number?",
            "Is real-time collaboration available on mobile?",
            "can my manager see my private notes",
            "how do I chat with someone in my workspace",
            "and in the phone app?",
            "how do I add someone to my account",
            "can a member see someone else's expenses",
            "who can approve expenses",
            "can my accountant log in",
            "how do I contact a client from the app",
            "how do I give my bookkeeper access",
            "what does a team member see",
            "how do I change the phone number on my account",
            "what happens when someone leaves the team",
            "how do I escalate an overdue invoice reminder",
            "does the mobile app support offline mode",
            "which browsers do you support",
            "can I reach the API from a private network",
            "does the phone app work offline",
            "how do I get a person added to my staff list",
            "can I assign an agent to a ticket",
            "is the live chat widget available on the free plan"})
    void answersAQuestionThatOnlyNamesPeople(String message) {
        assertThat(DETECTOR.asksForPerson(message)).as(message).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void ignoresBlankText(String message) {
        assertThat(DETECTOR.asksForPerson(message)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void leavesLongMessagesToTheAgent() {
        String longQuestion = "I talked to a person on your team last week about exporting my notes to PDF and they said I "
                + "should be able to do it from the menu but I cannot find the option anywhere in the desktop app on my Mac";
        assertThat(DETECTOR.asksForPerson(longQuestion)).isFalse();
    }
}
