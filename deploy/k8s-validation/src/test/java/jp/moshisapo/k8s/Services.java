package jp.moshisapo.k8s;

import java.util.List;

/** The four services: Maven module, Deployment, Service and KafkaUser all carry the same name. */
public final class Services {

    public static final List<String> ALL = List.of("gateway", "facility-service", "checkin-service",
            "notification-service");

    private Services() {
    }
}
