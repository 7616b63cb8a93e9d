package cn.shuangkong.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The password is checked once; the same credentials are then recognised, any other are checked again. */
class VerifiedCredentialsTest {

    private final AtomicInteger checks = new AtomicInteger();

    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            if (!"right-password".equals(request.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName() + "-principal", "hash", List.of(new SimpleGrantedAuthority("ROLE_REGULATOR")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final VerifiedCredentials credentials = new VerifiedCredentials(passwords);

    private static Authentication login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    @Test
    void theSameCredentialsAreCheckedOnce() {
        Authentication first = credentials.authenticate(login("lucheng-regulator", "right-password"));
        Authentication second = credentials.authenticate(login("lucheng-regulator", "right-password"));

        assertThat(checks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getPrincipal()).isEqualTo(first.getPrincipal());
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_REGULATOR");
        assertThat(second.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefusedEvenAfterARightOne() {
        credentials.authenticate(login("lucheng-regulator", "right-password"));

        assertThatThrownBy(() -> credentials.authenticate(login("lucheng-regulator", "wrong-password"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(login("lucheng-regulator", "wrong-password"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void anotherUserWithTheSamePasswordIsCheckedOnItsOwn() {
        credentials.authenticate(login("lucheng-regulator", "right-password"));
        credentials.authenticate(login("jinjiang-regulator", "right-password"));

        assertThat(checks).hasValue(2);
    }
}
