package io.resolvehub.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserReferencesTest {

    @Test
    void theUsersOwnReferencesAreLeftOut() {
        assertThat(UserReferences.strip("how do I reset my password? (ref 20417)")).isEqualTo("how do I reset my password?");
        assertThat(UserReferences.strip("could a member of your staff look at envelope ENV-7Q2K-93XF for me?"))
                .isEqualTo("could a member of your staff look at envelope for me?");
        assertThat(UserReferences.strip("the export from #4411 never finished")).isEqualTo("the export from never finished");
        assertThat(UserReferences.strip("ticket #58213: the export never finished")).isEqualTo("ticket: the export never finished");
        assertThat(UserReferences.strip("why was invoice 1182 charged twice")).isEqualTo("why was invoice charged twice");
        assertThat(UserReferences.strip("where is order no. 55812")).isEqualTo("where is order");
    }

    @Test
    void numbersThatAreNoReferenceStay() {
        assertThat(UserReferences.strip("what does error 429 mean")).isEqualTo("what does error 429 mean");
        assertThat(UserReferences.strip("can I add 5 seats on the Pro plan")).isEqualTo("can I add 5 seats on the Pro plan");
        assertThat(UserReferences.strip("is the app certified to ISO 27001")).isEqualTo("is the app certified to ISO 27001");
        assertThat(UserReferences.strip("how do I set up 2FA with SHA-256")).isEqualTo("how do I set up 2FA with SHA-256");
        assertThat(UserReferences.strip("what's in the X-Inkstead-Signature header")).isEqualTo("what's in the X-Inkstead-Signature header");
        assertThat(UserReferences.strip("12345")).isEqualTo("12345");
        assertThat(UserReferences.strip("when was penn state last ranked #2")).isEqualTo("when was penn state last ranked #2");
    }
}
