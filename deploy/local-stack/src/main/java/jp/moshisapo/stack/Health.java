package jp.moshisapo.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a service's health from its management port. */
final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Health() {
    }

    /** "UP", "DOWN" or "UNREACHABLE", from {@code /q/health}. */
    static String status(Service service) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.healthUrl()))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"") ? "UP" : "DOWN";
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }

    /** Prints every service's health; exit code 0 only when all are UP. */
    static int printAll() {
        boolean allUp = true;
        for (Service service : Service.values()) {
            String status = status(service);
            allUp &= status.equals("UP");
            System.out.printf("%-22s %-12s %s%n", service.module, status, service.healthUrl());
        }
        return allUp ? 0 : 1;
    }
}
