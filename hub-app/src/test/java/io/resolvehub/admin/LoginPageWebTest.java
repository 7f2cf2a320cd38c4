package io.resolvehub.admin;

import io.resolvehub.api.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sign-in page in a web slice: the product's own form (not Spring's stock one), with labelled fields, posting to
 * Spring Security with the CSRF token; a failed sign-in says so. (Signing in, lockout and CSRF run for real in the security tests.)
 */
@WebMvcTest(LoginPage.class)
class LoginPageWebTest extends WebSlice {

    @Test
    void theSignInFormIsTheProductsOwn() throws Exception {
        mvc.perform(get("/login").accept(MediaType.TEXT_HTML)
                        .requestAttr("_csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "test-token")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Sign in"), containsString("ResolveHub</p>"),
                        containsString("<label for=\"username\""), containsString("name=\"password\""),
                        containsString("value=\"test-token\""))));
        mvc.perform(get("/login?error").accept(MediaType.TEXT_HTML)
                        .requestAttr("_csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "test-token")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Wrong user name or password.")));
    }
}
