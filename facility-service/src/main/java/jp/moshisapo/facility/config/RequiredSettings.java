package jp.moshisapo.facility.config;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/**
 * What this service must not start without in production: secrets and the staff login's issuer. Each refers to the
 * property that reads its variable without a default outside dev and test, so a missing one stops the start with
 * a line naming it: "SRCFG00011: Could not expand value VARIABLE in property …". (Quarkus would take its own
 * optional settings, such as the datasource password, as merely absent and fail later, less clearly.)
 */
// Unremovable: nothing injects it; it exists to be validated at start.
@Unremovable
@ConfigMapping(prefix = "moshisapo.required")
public interface RequiredSettings {

    String databaseUser();

    String databasePassword();

    String oidcServer();

    /** The prefecture's SMTP relay ({@code QUARKUS_MAILER_HOST}): Quarkus' own default, localhost, is never it. */
    String mailHost();

    /** The sender of every mail ({@code QUARKUS_MAILER_FROM}). */
    String mailFrom();

    /** The relay's account ({@code QUARKUS_MAILER_USERNAME}, from the moshisapo-smtp Secret). */
    String mailUsername();

    String mailPassword();
}
