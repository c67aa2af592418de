package jp.moshisapo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit log's hash chain ({@code moshisapo.notification.audit.*}). */
@ConfigMapping(prefix = "moshisapo.notification.audit")
public interface AuditConfig {

    /**
     * How often the chain is verified and its head (seq, hash) logged at INFO (a scheduler interval such as 1h).
     * The log store keeps these lines where the database's owner cannot reach them: they anchor the chain.
     */
    @WithDefault("1h")
    String anchorEvery();
}
