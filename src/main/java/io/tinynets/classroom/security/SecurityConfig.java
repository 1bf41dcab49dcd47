package io.tinynets.classroom.security;

import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import java.time.Duration;

/**
 * Spring Security for the shared classroom server: Vaadin's defaults (CSRF, its own resources public), a login view,
 * logout, security headers (the Content-Security-Policy is in {@link ContentSecurityPolicy}), no H2 console ever, and
 * every request of a session checked against the account's current login ({@link CurrentLoginFilter}). Which views
 * need a login is decided by {@link PublicLabsAccessChecker}; what a user may do is decided again in the services.
 *
 * <p>Of Actuator only the two probes are served, to anyone ({@code /actuator/health/liveness} and
 * {@code /actuator/health/readiness}, a status without details); every other actuator path is refused even if a
 * setting exposes it. With {@value #HTTPS} on, every response carries Strict-Transport-Security (the session
 * cookie's {@code Secure} flag follows the same setting in application.properties).
 */
@EnableWebSecurity
@Configuration
// a process without a web server (tools, the durability test's child) has the services but no Vaadin servlet
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig extends VaadinWebSecurity {

    /** The setting that says the server is reached over HTTPS (a TLS reverse proxy in front of it). */
    static final String HTTPS = "tinynets.https";
    /** How long a browser that saw the header keeps to HTTPS for this host: a year, the usual figure. */
    static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    private final AccountService accounts;
    private final boolean https;

    SecurityConfig(AccountService accounts, @Value("${" + HTTPS + ":false}") boolean https) {
        this.accounts = accounts;
        this.https = https;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        // a session whose account is gone or whose password changed since its login is logged out first
        http.addFilterBefore(new CurrentLoginFilter(accounts), AnonymousAuthenticationFilter.class);
        // The H2 console is never enabled; refuse its path outright in case someone turns it on by configuration.
        http.authorizeHttpRequests(a -> a.requestMatchers(pathMatchers("/h2-console/**")).denyAll());
        // the pages' icon (static files in META-INF/resources/icons), for every visitor and the login page too
        http.authorizeHttpRequests(a -> a.requestMatchers(pathMatchers("/icons/**")).permitAll());
        // the probes a load balancer or monitor asks without an account; nothing else of Actuator, ever
        http.authorizeHttpRequests(a -> a
                .requestMatchers(pathMatchers("/actuator/health/liveness", "/actuator/health/readiness")).permitAll()
                .requestMatchers(pathMatchers("/actuator", "/actuator/**")).denyAll());
        http.headers(h -> h
                .contentTypeOptions(c -> { })
                .frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"))
                // every response but Vaadin's bootstrap page, which gets the same policy plus a nonce (see below)
                .contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.policy(null)))
                .httpStrictTransportSecurity(hsts -> {
                    if (https) {
                        // on every response, not only those the server itself sees as secure: behind a proxy whose
                        // address is missing from the trusted proxies every request looks like plain HTTP, and a
                        // browser ignores the header on a page it did not get over HTTPS anyway. No
                        // includeSubDomains: a school's other hosts may not all speak HTTPS.
                        hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .maxAgeInSeconds(HSTS_MAX_AGE.toSeconds()).includeSubDomains(false);
                    } else {
                        // a plain-HTTP trial (a laptop, a test) must not pin browsers to HTTPS for a year
                        hsts.disable();
                    }
                }));
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
