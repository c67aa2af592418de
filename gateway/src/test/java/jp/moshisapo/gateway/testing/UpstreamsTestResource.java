package jp.moshisapo.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the three stand-in services and points the gateway at them. Also: a 1 s response timeout (so the
 * stall test is quick), the test client at 127.0.0.1 trusted as a load balancer (each test picks its own client
 * address in X-Forwarded-For, so rate-limit buckets never leak between tests), and a webhook source allow-list.
 */
public final class UpstreamsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_ALLOWED_SOURCES = "10.0.0.0/8,127.0.0.0/8";
    /** The test client's own address; a test that connects from another loopback address is an untrusted peer. */
    public static final String TRUSTED_BALANCER = "127.0.0.1";

    private Upstreams upstreams;

    @Override
    public Map<String, String> start() {
        upstreams = Upstreams.start();
        return Map.of(
                "moshisapo.gateway.facility-url", upstreams.facility().url(),
                "moshisapo.gateway.checkin-url", upstreams.checkin().url(),
                "moshisapo.gateway.notification-url", upstreams.notification().url(),
                "moshisapo.gateway.upstream.response-timeout", "1S",
                "moshisapo.gateway.routes.line-webhook.allowed-sources", WEBHOOK_ALLOWED_SOURCES,
                "moshisapo.gateway.trusted-proxies", TRUSTED_BALANCER);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(upstreams,
                new TestInjector.AnnotatedAndMatchesType(InjectUpstreams.class, Upstreams.class));
    }

    @Override
    public void stop() {
        if (upstreams != null) {
            upstreams.close();
        }
    }
}
