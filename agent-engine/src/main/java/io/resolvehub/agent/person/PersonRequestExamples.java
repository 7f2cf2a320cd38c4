package io.resolvehub.agent.person;

import java.util.List;

/** The examples {@link PersonRequestsByMeaning} compares a message with. */
final class PersonRequestExamples {

    /** People asking to be put in touch with a person, in many registers. */
    static final List<String> REQUESTS = List.of(
            "I want to talk to a human", "let me speak to a person", "can I talk to someone", "connect me with a human",
            "I need a real person", "get me a human being", "transfer me to an agent", "I want a live agent",
            "put me through to someone on your team", "can a support rep call me back", "please have someone call me",
            "I'd like to speak with a real person please", "is there anyone I can actually talk to",
            "stop, I need a real agent", "this bot isn't helping, get me a manager", "I want an actual human, not an FAQ",
            "escalate this to your support team", "I need to speak to customer service", "get me a representative",
            "can I chat with a member of your staff", "I don't want a bot, I want a person", "human please",
            "operator", "let me talk to your support people", "I want to speak to your supervisor",
            "can somebody from support contact me", "please pass me to a colleague of yours",
            "I need help from a real support engineer", "hand me over to a human", "can I get a callback from support",
            "are there any humans there", "talk to support staff", "connect me to a live person now",
            "I'd rather talk this through with one of your people", "send this to a real support person",
            "no more bot answers, someone from your team please", "give me a person to talk to",
            "I need to reach a human at your company", "speak to agent", "representative",
            "can someone give me a call", "can I get someone on the phone", "I want to talk to your team directly",
            "could you pass this on to your support desk", "I need your support team to look into this",
            "who do I contact about this, this chat is not helping", "put me in touch with your accounts department",
            "I'd like to go over this with one of your specialists", "can a person please check my account",
            "I'd like to raise a ticket with your support staff", "can I just email your support people",
            "I'd rather sort this out with your billing department", "I'm done with this chat, who can I reach");

    /** Messages that name people or contact but ask about the product: they must be answered, not handed off. */
    static final List<String> NEAR_MISSES = List.of(
            "how do I add a person to my workspace", "how do I invite someone to my team", "how do I remove a member",
            "how many people can join a workspace", "can I assign a task to someone else", "how do I share a file with a colleague",
            "how do I mention someone in a comment", "how do I change a user's role", "how do I add an agent seat",
            "what permissions does an admin have", "how do I transfer ownership of the account", "how do I call the API",
            "how do I set up phone notifications", "how do I contact my team members from the app",
            "can guests see my projects", "how do I add a new user", "how do I make someone an admin",
            "how do I chat with my team", "how do I start a video call", "what is a team member",
            "how do I set up a support inbox for my customers", "how do I route tickets to an agent",
            "how do I talk to the API with a token", "how do I reach the settings page", "who can see my notes",
            "can people outside my company join", "how do I escalate a ticket to tier 2 in the app",
            "how do I assign a conversation to a human agent in the dashboard", "real-time sync between devices",
            "is live chat included in the basic plan", "what does the agent status mean", "what can an agent role do",
            "what are your support hours", "do you offer phone support", "who is the owner of my account",
            "can I get a refund for my subscription", "is there a live chat widget I can embed on my site",
            "how do I contact a customer from the app", "what is the difference between an agent and an admin");

    private PersonRequestExamples() {
    }
}
