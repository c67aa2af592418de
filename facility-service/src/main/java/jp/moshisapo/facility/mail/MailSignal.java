package jp.moshisapo.facility.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jp.moshisapo.facility.jdbc.Wakeup;

/** Wakes the mail relay when a transaction that queued mail commits. */
@ApplicationScoped
class MailSignal extends Wakeup {
}
