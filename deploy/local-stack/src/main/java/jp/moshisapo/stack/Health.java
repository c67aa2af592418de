package jp.moshisapo.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a service's health from its management port. */
public final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Health() {
    }

    /** "UP", "DOWN" or "UNREACHABLE", from {@code /q/health}. */
    public static String status(String healthUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(healthUrl))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"") ? "UP" : "DOWN";
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }

    /** Prints every service's health; true only when all are UP. */
    static boolean printAll(Ports ports) {
        boolean allUp = true;
        for (App app : App.values()) {
            String status = status(ports.healthUrl(app));
            allUp &= status.equals("UP");
            System.out.printf("%-22s %-12s %s%n", app.module, status, ports.healthUrl(app));
        }
        return allUp;
    }
}
