package cn.shuangkong.service.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * HTTP Basic sends the password with every request, and checking it against its BCrypt hash costs about 80 ms
 * of CPU — more than everything else a request does. After one successful check, the same username and
 * password are accepted for {@link #TTL} by comparing an HMAC-SHA256 of the password under a key that exists
 * only in this process's memory; the password itself is never kept. A changed password, a disabled account or
 * a changed role or region takes effect within that time.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    static final Duration TTL = Duration.ofMinutes(5);

    private final AuthenticationProvider delegate;
    private final byte[] key = new byte[32];
    private final Cache<String, Verified> verified = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

    private record Verified(byte[] mac, Authentication authentication) {
    }

    VerifiedCredentials(AuthenticationProvider delegate) {
        this.delegate = delegate;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        byte[] mac = mac(username, String.valueOf(request.getCredentials()));
        Verified known = verified.getIfPresent(username);
        if (known != null && MessageDigest.isEqual(known.mac(), mac)) {
            return known.authentication();
        }
        Authentication authenticated = delegate.authenticate(request);
        if (authenticated != null && authenticated.isAuthenticated()) {
            verified.put(username, new Verified(mac, UsernamePasswordAuthenticationToken.authenticated(
                    authenticated.getPrincipal(), null, authenticated.getAuthorities())));
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
