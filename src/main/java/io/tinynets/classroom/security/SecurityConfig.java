package io.tinynets.classroom.security;

import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ui.LoginView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Spring Security for the shared classroom server: Vaadin's defaults (CSRF, its own resources public), a login view,
 * logout, security headers (the Content-Security-Policy is in {@link ContentSecurityPolicy}), no H2 console ever, and
 * every request of a session checked against the account's current login ({@link CurrentLoginFilter}). Which views
 * need a login is decided by {@link PublicLabsAccessChecker}; what a user may do is decided again in the services.
 */
@EnableWebSecurity
@Configuration
// a process without a web server (tools, the durability test's child) has the services but no Vaadin servlet
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig extends VaadinWebSecurity {

    private final AccountService accounts;

    SecurityConfig(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        // a session whose account is gone or whose password changed since its login is logged out first
        http.addFilterBefore(new CurrentLoginFilter(accounts), AnonymousAuthenticationFilter.class);
        // The H2 console is never enabled; refuse its path outright in case someone turns it on by configuration.
        http.authorizeHttpRequests(a -> a.requestMatchers(pathMatchers("/h2-console/**")).denyAll());
        http.headers(h -> h
                .contentTypeOptions(c -> { })
                .frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"))
                // every response but Vaadin's bootstrap page, which gets the same policy plus a nonce (see below)
                .contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.policy(null))));
        super.configure(http);
        setLoginView(http, LoginView.class);
    }

    /** Vaadin's bootstrap page: its inline scripts get a per-request nonce and the policy that allows it. */
    @Bean
    static VaadinServiceInitListener contentSecurityPolicyNonce() {
        return event -> event.addIndexHtmlRequestListener(new ContentSecurityPolicy());
    }

    /** The labs and home stay public; everything else follows its access annotation. */
    @Bean
    static NavigationAccessControlConfigurer navigationAccessControlConfigurer() {
        return new NavigationAccessControlConfigurer().withNavigationAccessChecker(new PublicLabsAccessChecker());
    }
}
