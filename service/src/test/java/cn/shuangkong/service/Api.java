package cn.shuangkong.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import cn.shuangkong.service.enterprise.Uscc;
import tools.jackson.databind.JsonNode;

/** A small HTTP client for API tests: real requests to the running server, any status returned as is. */
public final class Api {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String DEMO_PASSWORD = "Demo@2026";

    /** Demo enterprises (db/demo/R__demo_data.sql). */
    public static final String LUCHENG_CHEMICALS = "91330302MA2AK7L1XU";
    public static final String LUCHENG_GLASSES = "91330302MA2AN3Q84N";
    public static final String JINJIANG_CERAMICS = "91350582MA2YD5Q603";

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    private final RestClient client;
    private final String authorization;

    private Api(RestClient client, String authorization) {
        this.client = client;
        this.authorization = authorization;
    }

    public static Api anonymous(int port) {
        return new Api(RestClient.builder().baseUrl("http://localhost:" + port).build(), null);
    }

    public Api as(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(client, "Basic " + token);
    }

    public Api asDemo(String username) {
        return as(username, DEMO_PASSWORD);
    }

    public Api asAdmin() {
        return as("admin", ADMIN_PASSWORD);
    }

    public Api withBearer(String jwt) {
        return new Api(client, "Bearer " + jwt);
    }

    public ResponseEntity<JsonNode> get(String path) {
        return exchange(client.get().uri(path), null);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return exchange(client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body), null);
    }

    public ResponseEntity<JsonNode> postWithIfMatch(String path, Object body, String ifMatch) {
        return exchange(client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body), ifMatch);
    }

    public ResponseEntity<JsonNode> put(String path, Object body, String ifMatch) {
        return exchange(client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body), ifMatch);
    }

    /** A multipart upload of one file as the form field {@code file}. */
    public ResponseEntity<JsonNode> upload(String path, String fileName, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return exchange(client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts), null);
    }

    public ResponseEntity<byte[]> getBytes(String path) {
        RestClient.RequestHeadersSpec<?> spec = client.get().uri(path);
        if (authorization != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return spec.retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(byte[].class);
    }

    public ResponseEntity<String> getText(String path) {
        RestClient.RequestHeadersSpec<?> spec = client.get().uri(path);
        if (authorization != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return spec.retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    private ResponseEntity<JsonNode> exchange(RestClient.RequestHeadersSpec<?> spec, String ifMatch) {
        if (authorization != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (ifMatch != null) {
            spec = spec.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return spec.retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(JsonNode.class);
    }

    /** A fresh, valid 统一社会信用代码 registered in {@code countyCode}, different on every call. */
    public static String newUscc(String countyCode) {
        String body = String.format("%07d", SERIAL.incrementAndGet() % 10_000_000);
        String first17 = "91" + countyCode + "MA" + body;
        return first17 + Uscc.checkCharacter(first17);
    }
}
