package jp.moshisapo.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real HTTP/1.1 client of the running gateway, acting as one client address (sent as X-Forwarded-For by the
 * test's trusted "load balancer"), so each test has its own rate-limit buckets.
 */
public final class GatewayClient {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private final String clientAddress;

    public GatewayClient(URI base, String clientAddress) {
        this.base = base;
        this.clientAddress = clientAddress;
    }

    /** A client with a random address in 10.0.0.0/8 (inside the test webhook allow-list). */
    public static GatewayClient anyClient(URI base) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new GatewayClient(base, "10." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(254)));
    }

    public String clientAddress() {
        return clientAddress;
    }

    public URI uri(String rawPathAndQuery) {
        return URI.create(base.toString().replaceAll("/$", "") + rawPathAndQuery);
    }

    /** A request builder for a raw path (sent exactly as written: no normalisation on the client side). */
    public HttpRequest.Builder request(String rawPathAndQuery) {
        return HttpRequest.newBuilder(uri(rawPathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress);
    }

    public HttpResponse<String> get(String rawPathAndQuery, String... headers) {
        HttpRequest.Builder request = request(rawPathAndQuery).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> post(String rawPath, byte[] body, String... headers) {
        HttpRequest.Builder request = request(rawPath).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<InputStream> stream(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
