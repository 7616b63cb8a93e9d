package cn.shuangkong.service.security;

import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what. Roles are checked here, by URL, before a request body is read; what a caller may
 * see within its role is the {@link Jurisdiction} condition of each query.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, AccountLookup accounts, PasswordEncoder passwordEncoder,
                            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        // 401 and 403 are rendered by the same problem+json advice as every other error.
        String challenge = settings.mode() == SecuritySettings.Mode.JWT ? "Bearer" : "Basic realm=\"shuangkong\"";
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            problems.resolveException(request, response, null, e);
        };
        AccessDeniedHandler denied = (request, response, e) -> problems.resolveException(request, response, null, e);

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/openapi.yaml",
                                "/swagger-ui.html", "/webjars/**", "/error").permitAll()
                        .requestMatchers(POST, "/api/v1/users").hasRole("ADMIN")
                        .requestMatchers(POST, "/api/v1/enterprises", "/api/v1/enterprises/import").hasAnyRole("ADMIN", "REGULATOR")
                        .requestMatchers(PUT, "/api/v1/enterprises/*").hasAnyRole("ADMIN", "REGULATOR", "ENTERPRISE")
                        // An enterprise manages its own risk points and units; regulators and inspectors read them.
                        .requestMatchers(POST, "/api/v1/enterprises/*/risk-points", "/api/v1/enterprises/*/units").hasAnyRole("ADMIN", "ENTERPRISE")
                        .requestMatchers(POST, "/api/v1/enterprises/*/risk-points/import", "/api/v1/enterprises/*/units/import").hasAnyRole("ADMIN", "ENTERPRISE")
                        .requestMatchers(PUT, "/api/v1/enterprises/*/risk-points/*", "/api/v1/enterprises/*/units/*").hasAnyRole("ADMIN", "ENTERPRISE")
                        // Geological hazard points belong to regions: regulators manage them, inspectors read them.
                        .requestMatchers(POST, "/api/v1/hazard-points", "/api/v1/hazard-points/*/closure", "/api/v1/hazard-points/import").hasAnyRole("ADMIN", "REGULATOR")
                        .requestMatchers(PUT, "/api/v1/hazard-points/*").hasAnyRole("ADMIN", "REGULATOR")
                        .requestMatchers("/api/v1/hazard-points", "/api/v1/hazard-points/**").hasAnyRole("ADMIN", "REGULATOR", "INSPECTOR")
                        // Hidden dangers: who may make each transition is checked with the danger's level and state.
                        .requestMatchers(POST, "/api/v1/hidden-dangers/*/extensions/*/decision").hasAnyRole("ADMIN", "REGULATOR")
                        .requestMatchers(PUT, "/api/v1/hidden-dangers/*/supervision").hasAnyRole("ADMIN", "REGULATOR")
                        .requestMatchers("/api/v1/rulesets/enterprise/candidates", "/api/v1/rulesets/enterprise/candidates/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll());
        if (settings.mode() == SecuritySettings.Mode.JWT) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtUsers())));
        } else {
            DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
            passwords.setPasswordEncoder(passwordEncoder);
            http.authenticationProvider(new VerifiedCredentials(passwords))
                    .httpBasic(basic -> basic.realmName("shuangkong").authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
