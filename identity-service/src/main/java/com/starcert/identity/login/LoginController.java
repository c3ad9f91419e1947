package com.starcert.identity.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in and sign-out pages. Spring Security handles {@code POST /login} and {@code POST /logout}; these only
 * render the forms (the failure handler redirects to {@code /login?error} or {@code /login?locked}).
 */
@Controller
public class LoginController {

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    /** Signing out changes state, so it is a POST with the CSRF token; GET shows the confirmation form. */
    @GetMapping("/logout")
    public String logout() {
        return "logout";
    }
}
