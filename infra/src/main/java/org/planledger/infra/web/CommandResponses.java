package org.planledger.infra.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.UUID;

/** Shapes shared by the command endpoints: ids, 201 with Location, ETag. */
final class CommandResponses {

    private CommandResponses() {
    }

    /** The client's id, so a retried create is harmless, or a new one. */
    static String idOr(String clientId) {
        return clientId == null || clientId.isBlank() ? UUID.randomUUID().toString() : clientId;
    }

    /**
     * The Location is relative to this server (RFC 9110 allows it; clients resolve it against the
     * request's URL): built from the request's Host header, a forged Host would be echoed back.
     */
    static <T> ResponseEntity<T> created(String path, Long version, T body) {
        URI location = URI.create(ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath() == null
                ? path : ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath() + path);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.CREATED).location(location);
        if (version != null) {
            builder.header(HttpHeaders.ETAG, IfMatch.etag(version));
        }
        return builder.body(body);
    }

    static ResponseEntity<Accepted> created(String path, String id, Long version) {
        return created(path, version, new Accepted(id, version));
    }

    static ResponseEntity<Accepted> changed(String id, Long version) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        if (version != null) {
            builder.header(HttpHeaders.ETAG, IfMatch.etag(version));
        }
        return builder.body(new Accepted(id, version));
    }
}
