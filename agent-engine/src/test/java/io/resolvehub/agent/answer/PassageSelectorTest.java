package io.resolvehub.agent.answer;

import io.resolvehub.agent.Embedder;
import io.resolvehub.core.ChatTurn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class PassageSelectorTest {

    /** Fails the test if the selector asks the model anything: a clear lexical winner must cost no model call. */
    private static final Embedder NO_MODEL_CALLS = new Embedder() {
        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public float[] embed(String text) {
            throw new AssertionError("unexpected model call for: " + text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            throw new AssertionError("unexpected model call for: " + texts);
        }
    };

    /** Every text means the same to it: a tie it is asked to settle stays with the words' order. */
    private static final Embedder SAME_MEANING = new Embedder() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            return new float[]{1, 0};
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }
    };

    /**
     * Finds a text closest to the question (the question's vector is {1, 0}) when {@code isTheAnswer} holds for it, as the
     * model does for the unit that restates what was asked; every other text is further away.
     */
    private static Embedder closestWhen(Predicate<String> isTheAnswer) {
        return new Embedder() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public float[] embed(String text) {
                return isTheAnswer.test(text) ? new float[]{1, 0} : new float[]{0.6f, 0.8f};
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(this::embed).toList();
            }
        };
    }

    /** The selection for {@code question} from one passage under {@code heading}; no model call is allowed. */
    private static PassageSelector.Selection select(String question, String passage, String heading) {
        return select(question, List.of(passage), List.of(heading), new float[384], NO_MODEL_CALLS);
    }

    private static PassageSelector.Selection select(String question, List<String> passages, List<String> headings,
                                                    float[] questionVector, Embedder embedder) {
        return PassageSelector.select(passages, headings, QuestionTerms.plain(Terms.of(question), Set.of()), question,
                AnswerType.of(question), HowToQuestion.is(question), questionVector, embedder);
    }

    @Test
    void aFollowUpThatPointsBackChoosesTheSentenceNamingWhatItPointsAt() {
        String passage = """
                Billing emails go out within an hour of each charge. Each provider then filters them its own way: Fastmail
                shows them at once, Gmail may hold receipts for up to a day, and Outlook for about two hours.
                """;
        Set<String> carried = Terms.of("where are my receipts in Gmail");
        // by meaning alone the first sentence is closer: only the words carried from the earlier turn can pick the second
        Embedder meaning = new Embedder() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public float[] embed(String text) {
                return text.contains("within an hour") ? new float[]{1, 0} : new float[]{0, 1};
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(this::embed).toList();
            }
        };

        PassageSelector.Selection pointing = selectFollowUp("how long until the emails arrive there?", passage, carried, meaning);
        PassageSelector.Selection notPointing = selectFollowUp("how long until the emails arrive?", passage, carried, meaning);

        assertThat(pointing.excerpt()).contains("Gmail may hold receipts for up to a day");
        assertThat(notPointing.excerpt()).startsWith("Billing emails go out within an hour");
    }

    /** A follow-up under the heading "When billing emails arrive", after an earlier turn whose words are {@code carried}. */
    private static PassageSelector.Selection selectFollowUp(String question, String passage, Set<String> carried, Embedder embedder) {
        return PassageSelector.select(List.of(passage), List.of("When billing emails arrive"),
                QuestionTerms.plain(Terms.of(question), carried), question, AnswerType.of(question), false, new float[]{1, 0}, embedder);
    }

    @Test
    void aHowToQuestionGetsTheStepsEvenWhenAProseSentenceMatchesMoreOfItsWords() {
        String question = "how do I reset the sync password for offline export";
        String passage = """
                Resetting the sync password also affects offline export, because exports are encrypted with it.
                To reset the sync password:
                1. Open Settings and choose Sync.
                2. Click the button and confirm.
                """;

        PassageSelector.Selection selection = select(question, passage, "");

        assertThat(selection.excerpt()).endsWith("To reset the sync password:\n1. Open Settings and choose Sync.\n2. Click the button and confirm.");
    }

    @Test
    void aFactInsideStepsIsComparedByMeaningAsTheStepThatHoldsItNotAsTheListsOpening() {
        String question = "how many backup codes do i get";
        String passage = """
                - If you are the owner and have no backup codes, select Can't use your code? on the login page. Support \
                verifies your identity, which takes up to 3 business days.

                1. Go to Settings > Security > Two-step authentication and select Turn on for your own account.
                2. Scan the QR code with an authenticator app such as Google Authenticator, Authy or 1Password on your phone.
                3. Enter the six-digit code that the app shows and select Verify to finish turning it on.
                4. Save your 10 backup codes. Each code works once.
                """;
        // Like the model, this reads only a text's first RESCORE_TOKENS words, and finds the step that gives the number
        // closest to the question.
        Embedder readsTheOpening = closestWhen(text -> {
            List<String> words = List.of(text.split("\\s+"));
            return String.join(" ", words.subList(0, Math.min(PassageSelector.RESCORE_TOKENS, words.size())))
                    .contains("Save your 10 backup codes");
        });

        PassageSelector.Selection selection = select(question, List.of(passage), List.of("Two-step authentication"),
                new float[]{1, 0}, readsTheOpening);

        assertThat(selection.excerpt()).contains("Save your 10 backup codes");
    }

    @Test
    void aProblemReportIsAnsweredByWhatToDoWhenItGoesWrongNotByTheTasksSteps() {
        String passage = """
                1. Go to the login page and select Forgot password.
                2. Enter your email address and select Send reset link.
                3. Open the reset email and choose a new password.

                If the reset email doesn't arrive within 10 minutes, check your spam folder, then request a new link.
                """;

        PassageSelector.Selection selection = select("reset email never showed up", passage, "Reset your password");

        assertThat(selection.excerpt()).contains("check your spam folder");
    }

    @Test
    void aTablesHeaderRowDoesNotAnswerWhatOneOfItsRowsHolds() {
        String passage = """
                Plan | Monthly billing | Yearly billing
                Starter | $19/month | $190/year
                Grow | $49/month | $490/year
                """;
        // the model finds the header closest to "and yearly?", as all-MiniLM-L6-v2 does: it names the word asked
        Embedder likesTheHeader = closestWhen(text -> text.contains("Plan | Monthly billing"));
        QuestionTerms terms = QuestionTerms.plain(Terms.of("and yearly?"), Terms.of("how much is grow"));

        PassageSelector.Selection selection = PassageSelector.select(List.of(passage), List.of("Prices"), terms, "and yearly?",
                AnswerType.ANY, false, new float[]{1, 0}, likesTheHeader);

        assertThat(selection.excerpt()).contains("Grow | $49/month | $490/year");
    }

    @Test
    void stepsWhoseValueSitsInAnotherStepThanTheWordsAskedAboutDoNotOutrankTheSentenceThatSaysIt() {
        String passage = """
                1. Go to Workspace settings > Members > Pending invitations.
                2. Click Resend to send a new email (this restarts the 7-day clock), or Revoke to cancel the invitation.

                Invitations expire after 7 days.
                """;
        Embedder likesTheExpiry = closestWhen(text -> text.contains("expire"));

        PassageSelector.Selection selection = select("how long are workspace invitations valid", List.of(passage),
                List.of("Members"), new float[]{1, 0}, likesTheExpiry);

        assertThat(selection.excerpt()).contains("Invitations expire after 7 days.").doesNotContain("Pending invitations");
    }

    @Test
    void aSentenceThatMatchesClearlyMoreOfTheQuestionsWordsWinsWithoutAModelCall() {
        String question = "can I export notes offline";
        String passage = "Notes sync every few minutes. You can export notes while offline from the File menu. Themes are in Settings.";

        PassageSelector.Selection selection = select(question, passage, "");

        assertThat(selection.excerpt()).contains("You can export notes while offline from the File menu.");
    }

    @Test
    void aHowLongQuestionGetsTheSentenceThatCarriesTheDurationNotTheOpening() {
        String question = "How long is an invite link valid?";
        String passage = "Invites let you add teammates to a workspace. Anyone with the link can join as a member. "
                + "Invite links expire after 7 days. You can revoke a link at any time from Members.";

        PassageSelector.Selection selection = select(question, passage, "Invite teammates");

        assertThat(selection.excerpt()).contains("Invite links expire after 7 days.");
    }

    @Test
    void aQualifierInTheQuestionChoosesItsOwnSection() {
        String question = "how do I sign in with a personal account";
        List<String> sections = List.of(
                "1. Open the sign-in page.\n2. Choose Continue with SSO.\n3. Enter your company email.",
                "1. Open the sign-in page.\n2. Enter your email and password.\n3. Click Sign in.");

        PassageSelector.Selection selection = select(question, sections, List.of("Sign in with a work account",
                "Sign in with a personal account"), new float[384], NO_MODEL_CALLS);

        assertThat(selection.passage()).isEqualTo(1);
        assertThat(selection.excerpt()).contains("Enter your email and password.");
    }

    @Test
    void aOneStepTaskWrittenAsASentenceAnswersItsHowToQuestionOverAnotherSectionsNumberedSteps() {
        String question = "how can I make backups automatic for the whole team";
        List<String> sections = List.of(
                "1. Open a project and click Backup.\n2. Choose a folder for the backup.\n3. Click Start backup for the team.",
                "Go to Settings > Team and choose Automatic backups. Every project is then backed up each night.");

        PassageSelector.Selection selection = select(question, sections, List.of("Back up a project",
                "Make backups automatic (admins)"), new float[384], NO_MODEL_CALLS);

        assertThat(selection.passage()).isEqualTo(1);
        assertThat(selection.excerpt()).contains("choose Automatic backups");
    }

    @Test
    void aDocumentOfOneEndlessWordIsCappedToAChatSizedExcerpt() {
        String question = "what is the key";
        String passage = "The key is " + "A".repeat(100_000) + ".";

        PassageSelector.Selection selection = select(question, passage, "");

        assertThat(selection.excerpt().length()).isLessThanOrEqualTo(Excerpt.MAX_CHARS + 1);
    }

    @Test
    void aTableRowIsQuotedWithTheHeaderThatNamesItsColumns() {
        String question = "what's the upload limit on the Pro plan";
        String passage = "Plans at a glance\nPlan | Price | Upload limit\nFree | $0 | 100 MB\nPro | $8 per member / month | 2 GB\n"
                + "Business | $15 per member / month | 5 GB\nPaying yearly saves 20%.";

        PassageSelector.Selection selection = select(question, passage, "Plans");

        assertThat(selection.excerpt()).isEqualTo("Plan | Price | Upload limit\nPro | $8 per member / month | 2 GB");
    }

    @Test
    void theNextBestSentenceOfThePassageJoinsTheQuoteWithAnEllipsisOverWhatIsLeftOut() {
        String question = "what happens to my shared notes when I leave a workspace";
        String passage = "When you leave a workspace, your shared notes stay in it. Workspaces can have up to 50 members. "
                + "Shared notes are handed to the workspace owner after 30 days. Themes are set per device.";

        PassageSelector.Selection selection = select(question, passage, "");

        assertThat(selection.excerpt()).isEqualTo("When you leave a workspace, your shared notes stay in it. … "
                + "Shared notes are handed to the workspace owner after 30 days.");
    }

    @Test
    void noSentenceJoinsTheQuoteWhenNoneNamesTheQuestion() {
        String question = "how long is an invite link valid";
        String passage = "Invite links expire after 7 days. Themes are set per device. Exports run at night.";

        PassageSelector.Selection selection = select(question, passage, "");

        assertThat(selection.excerpt()).isEqualTo("Invite links expire after 7 days.");
    }

    @Test
    void aQualifierInTheSentenceThatIntroducesStepsChoosesThoseSteps() {
        String question = "how do I reset my password with a personal account";
        String passage = """
                If you sign in with a work account:
                1. Ask your IT help desk to reset it.
                2. Sign in again once they confirm.
                If you sign in with a personal account:
                1. Click Forgot password on the sign-in page.
                2. Follow the link in the email.
                """;

        PassageSelector.Selection selection = select(question, passage, "Reset your password");

        assertThat(selection.excerpt()).startsWith("If you sign in with a personal account:\n1. Click Forgot password")
                .doesNotContain("IT help desk");
    }

    @Test
    void whenTheChosenUnitHoldsNoValueOfTheKindAskedForTheSentenceThatHoldsOneJoinsIt() {
        String question = "how long do I have to restore a deleted account";
        String passage = """
                To restore it:
                1. Sign in with your usual email and password.
                2. Click Restore my account on the banner that appears.
                Support can't recover a deleted account for you.
                After 30 days, deletion is permanent.
                """;

        PassageSelector.Selection selection = select(question, List.of(passage), List.of("The grace period"), new float[]{1, 0}, SAME_MEANING);

        assertThat(selection.excerpt()).contains("After 30 days, deletion is permanent.");
    }

    @Test
    void aTerseFollowUpAsksForTheSameKindOfValueAsTheQuestionBeforeIt() {
        StandaloneQuery followUp = StandaloneQuery.of("and for android?", List.of(
                ChatTurn.user("which version of iOS does the app need?"), ChatTurn.assistant("iOS 16 or later.")));
        StandaloneQuery fresh = StandaloneQuery.of("and for android?", List.of());

        assertThat(AnswerType.asked(followUp)).isEqualTo(AnswerType.VERSION);
        assertThat(AnswerType.asked(fresh)).isEqualTo(AnswerType.ANY);
    }

    @Test
    void aNameTheQuestionSaysItselfIsItsTopicNotItsAnswer() {
        Set<String> named = Terms.of("who wrote the Release Notes for Google Calendar sync?");

        assertThat(AnswerType.of("who wrote the Release Notes for Google Calendar sync?")).isEqualTo(AnswerType.PERSON);
        assertThat(AnswerType.PERSON.carriedBy("Our Release Notes cover the Google Calendar sync.", named)).isFalse();
        assertThat(AnswerType.PERSON.carriedBy("The Release Notes were written by Dana Whitfield.", named)).isTrue();
        assertThat(AnswerType.PLACE.carriedBy("Sync runs in the background.", Terms.of("where is sync"))).isFalse();
        assertThat(AnswerType.PLACE.carriedBy("Find it under Settings > Sync.", Terms.of("where is sync"))).isTrue();
    }

    @Test
    void readsTheKindOfValueAQuestionAsksFor() {
        assertThat(AnswerType.of("How long do I have to confirm my email?")).isEqualTo(AnswerType.DURATION);
        assertThat(AnswerType.of("how fast does my server have to respond")).isEqualTo(AnswerType.DURATION);
        // how long a thing can be is a length, unless it is how long it can be valid (or kept, or used)
        assertThat(AnswerType.of("how long can a project name be")).isEqualTo(AnswerType.LENGTH);
        assertThat(AnswerType.of("how many characters can a tag have")).isEqualTo(AnswerType.LENGTH);
        assertThat(AnswerType.of("how long can a share link be valid")).isEqualTo(AnswerType.DURATION);
        assertThat(AnswerType.of("how long can my account be suspended")).isEqualTo(AnswerType.DURATION);
        assertThat(AnswerType.of("how much does the Pro plan cost")).isEqualTo(AnswerType.PRICE);
        assertThat(AnswerType.of("what's the max file size for uploads")).isEqualTo(AnswerType.QUANTITY);
        assertThat(AnswerType.of("when was the company founded")).isEqualTo(AnswerType.YEAR);
        assertThat(AnswerType.of("what does the team plan cost")).isEqualTo(AnswerType.PRICE);
        assertThat(AnswerType.of("how do I stop my plan? I pay through the Android app")).isEqualTo(AnswerType.ANY);
        assertThat(AnswerType.of("why was I charged twice this month")).isEqualTo(AnswerType.ANY);
        assertThat(AnswerType.of("when does the grace period end")).isEqualTo(AnswerType.ANY);
        assertThat(AnswerType.of("when do payout reports arrive")).isEqualTo(AnswerType.ANY);
        assertThat(AnswerType.of("how do I reset my password")).isEqualTo(AnswerType.ANY);
        assertThat(AnswerType.DURATION.carriedBy("Links expire after 24 hours.")).isTrue();
        assertThat(AnswerType.DURATION.carriedBy("Links can be revoked by an admin.")).isFalse();
        assertThat(AnswerType.DURATION.carriedBy("Refunds reach your card within five business days.")).isTrue();
        assertThat(AnswerType.DURATION.carriedBy("1. Open Settings.\n2. Click Export.")).isFalse();
        // how often is not how long: "a daily summary" says nothing about when something expires
        assertThat(AnswerType.DURATION.carriedBy("Pending invites also appear in your daily digest.")).isFalse();
        assertThat(AnswerType.PRICE.carriedBy("Pro costs $12 per user per month.")).isTrue();
        assertThat(AnswerType.of("which version of android do I need for the app")).isEqualTo(AnswerType.VERSION);
        assertThat(AnswerType.VERSION.carriedBy("- Android: Android 11 or later, with Google Play services.")).isTrue();
        assertThat(AnswerType.QUANTITY.carriedBy("Each project holds up to 250 cards.")).isTrue();
        assertThat(AnswerType.QUANTITY.carriedBy("Attachments can be 25MB each.")).isTrue();
        assertThat(AnswerType.QUANTITY.carriedBy("Uploads over 1.5 GB are refused.")).isTrue();
        assertThat(AnswerType.QUANTITY.carriedBy("Lost your device? Turn on 2FA again from Security.")).isFalse();
        assertThat(AnswerType.QUANTITY.carriedBy("Exports go to your S3 bucket.")).isFalse();
        assertThat(AnswerType.QUANTITY.carriedBy("Set it up with the 12fa helper.")).isFalse();
        assertThat(AnswerType.QUANTITY.carriedBy("Use one of your recovery keys instead; each one works once.")).isFalse();
        assertThat(AnswerType.QUANTITY.carriedBy("A workspace can run one export at a time.")).isTrue();
        assertThat(AnswerType.QUANTITY.carriedBy("Ask an admin to reset your two-factor sign-in with a one-time link.")).isFalse();
        assertThat(AnswerType.VERSION.carriedBy("The app checks for a new version every day.")).isFalse();
        // a length is counted in characters or digits: how many codes a store may hold is no code's length
        assertThat(AnswerType.LENGTH.carriedBy("Codes are between 3 and 40 characters.")).isTrue();
        assertThat(AnswerType.LENGTH.carriedBy("Staff log in with a 4-digit PIN.")).isTrue();
        assertThat(AnswerType.LENGTH.carriedBy("A store can have up to 20,000,000 unique codes.")).isFalse();
    }

    @Test
    void aHowManyQuestionIsAnsweredByTheNumberOfWhatItCounts() {
        String passage = "On the Solo plan, up to 40 recipients can sign each envelope. The Solo plan includes 50 envelopes per month.";
        String question = "how many envelopes does the solo plan come with";

        PassageSelector.Selection chosen = select(question, List.of(passage), List.of("Plans"), new float[]{1, 0},
                closestWhen(text -> text.contains("recipients")));

        assertThat(chosen.quote().answering().getFirst()).isEqualTo("The Solo plan includes 50 envelopes per month.");
    }

    @Test
    void aLengthQuestionIsAnsweredByTheSentenceThatCountsCharactersNotByAnotherNumber() {
        String passage = """
                A store can have up to 20,000,000 unique discount codes. Discount codes are between 3 and 40 characters and \
                are not case sensitive.""";
        String question = "how long can a discount code be";

        PassageSelector.Selection chosen = select(question, List.of(passage), List.of("Discount codes"), new float[]{1, 0},
                closestWhen(text -> text.contains("20,000,000")));

        assertThat(chosen.quote().answering().getFirst()).startsWith("Discount codes are between 3 and 40 characters");
    }

    @Test
    void aVersionQuestionIsAnsweredByTheRequirementNotByTheSentenceThatSaysVersion() {
        String passage = """
                The mobile app updates itself and shows the installed version under Settings > About.
                - Android: Android 11 or later, with Google Play services.
                - iOS: iOS 16 or later, on iPhone and iPad.
                """;

        PassageSelector.Selection selection = select("what version of android does the app need?", passage, "Install the app");

        assertThat(selection.excerpt()).contains("- Android: Android 11 or later").doesNotContain("iOS 16");
    }

    @Test
    void aSentenceEndingInAColonIsQuotedWithWhatItIntroduces() {
        String passage = """
                Every request needs a key. Put the key in the X-Ledger-Key header:
                X-Ledger-Key: lk_live_9a8b7c
                Keys are shown once, when you create them.
                """;

        PassageSelector.Selection selection = select("which header does the key go in", passage, "Authentication");

        assertThat(selection.excerpt()).contains("Put the key in the X-Ledger-Key header:\nX-Ledger-Key: lk_live_9a8b7c")
                .doesNotContain("shown once");
    }

    @Test
    void aBareYesOrNoIsQuotedWithTheSentenceThatSaysWhy() {
        String question = "can I merge two workspaces into one";
        String faqEntry = "No. Move the documents by exporting them from one workspace and importing them into the other.";

        PassageSelector.Selection selection = select(question, List.of(faqEntry), List.of("Can I merge two workspaces?"),
                new float[]{1, 0}, SAME_MEANING);

        assertThat(selection.excerpt()).isEqualTo(faqEntry);
    }

    @Test
    void anFaqQuestionIsQuotedWithTheAnswerThatFollowsIt() {
        String faq = """
                **Can I take pre-orders?**
                Yes. Tick **Continue selling when out of stock** on the product and say in the description when it ships.

                **Is there a mobile app for managing my store?**
                Yes, for iPhone and Android.
                """;

        PassageSelector.Selection selection = select("can I take pre-orders", faq, "FAQ");

        assertThat(selection.excerpt()).contains("Can I take pre-orders?").contains("Continue selling when out of stock")
                .doesNotContain("mobile app");
    }

    @Test
    void anErrorMessagesEntryIsQuotedOnToItsFix() {
        String troubleshooting = "\"Invalid code\" when entering a 2FA code The clock on your phone is off. Turn on automatic date "
                + "and time in your phone's settings. \"Too many attempts\" Wait 15 minutes before you try again.";

        PassageSelector.Selection selection = select("my 2fa code keeps saying 'Invalid code'", troubleshooting, "Signing in");

        assertThat(selection.excerpt()).contains("The clock on your phone is off").contains("automatic date and time")
                .doesNotContain("Too many attempts");
    }

    @Test
    void aDefinitionIsQuotedFromTheEntryThatDefinesTheShortForm() {
        String glossary = "Certificate of completion: the PDF that records who signed and when.\n"
                + "QES (qualified electronic signature): the highest level of electronic signature under eIDAS.\n"
                + "TSA (timestamp authority): an independent service that certifies when a document existed.";

        PassageSelector.Selection selection = PassageSelector.definitionIn(glossary, "TSA", "timestamp authority");

        assertThat(selection.excerpt()).isEqualTo("TSA (timestamp authority): an independent service that certifies when a "
                + "document existed.");
    }
}
