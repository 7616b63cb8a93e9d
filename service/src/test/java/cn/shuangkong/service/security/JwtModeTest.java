package cn.shuangkong.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.TestPropertySource;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** shuangkong.security.mode=jwt: the service as an OAuth2 resource server, users and scopes from token claims. */
@DatabaseTest
@TestPropertySource(properties = "shuangkong.security.mode=jwt")
@Import(JwtModeTest.Keys.class)
class JwtModeTest {

    static final KeyPair ISSUER = rsa();
    static final KeyPair STRANGER = rsa();

    @LocalServerPort
    int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class Keys {
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER.getPublic()).build();
        }
    }

    @Test
    void aRegulatorTokenSeesItsJurisdiction() {
        Api api = Api.anonymous(port).withBearer(token(ISSUER, Map.of("sub", "u-1", "preferred_username", "zhang.san", "role", "REGULATOR", "region_code", "330302")));
        JsonNode page = api.get("/api/v1/enterprises?size=200").getBody();
        assertThat(page.get("totalElements").asLong()).isPositive();
        assertThat(page.get("content").valueStream().map(e -> e.get("regionCode").asString())).allMatch(c -> c.startsWith("330302"));
        assertThat(api.get("/api/v1/enterprises/" + Api.JINJIANG_CERAMICS).getStatusCode().value()).isEqualTo(404);
        assertThat(api.get("/api/v1/users/me").getBody().get("username").asString()).isEqualTo("zhang.san");
    }

    @Test
    void anEnterpriseTokenSeesItself() {
        Api api = Api.anonymous(port).withBearer(token(ISSUER, Map.of("sub", "e-1", "role", "ENTERPRISE", "uscc", Api.LUCHENG_CHEMICALS)));
        assertThat(api.get("/api/v1/enterprises/" + Api.LUCHENG_CHEMICALS).getStatusCode().value()).isEqualTo(200);
        assertThat(api.get("/api/v1/enterprises/" + Api.LUCHENG_GLASSES).getStatusCode().value()).isEqualTo(404);
        assertThat(api.post("/api/v1/enterprises", Map.of()).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void tokensThatCannotBeTrustedOrLackAScopeAreUnauthorized() {
        Api anonymous = Api.anonymous(port);
        var noToken = anonymous.get("/api/v1/enterprises");
        assertThat(noToken.getStatusCode().value()).isEqualTo(401);
        assertThat(noToken.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(noToken.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(anonymous.withBearer(token(STRANGER, Map.of("sub", "x", "role", "ADMIN"))).get("/api/v1/enterprises").getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.withBearer(token(ISSUER, Map.of("sub", "x"))).get("/api/v1/enterprises").getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.withBearer(token(ISSUER, Map.of("sub", "x", "role", "REGULATOR"))).get("/api/v1/enterprises").getStatusCode().value()).isEqualTo(401);
        // HTTP Basic is off in this mode, even for a real account.
        assertThat(anonymous.asAdmin().get("/api/v1/enterprises").getStatusCode().value()).isEqualTo(401);
    }

    private static String token(KeyPair keys, Map<String, Object> claims) {
        var jwk = new com.nimbusds.jose.jwk.RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate()).build();
        var encoder = new NimbusJwtEncoder(new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(new com.nimbusds.jose.jwk.JWKSet(jwk)));
        JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(set::claim);
        return encoder.encode(JwtEncoderParameters.from(set.build())).getTokenValue();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
