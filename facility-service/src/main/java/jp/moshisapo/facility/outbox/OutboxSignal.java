package jp.moshisapo.facility.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jp.moshisapo.facility.jdbc.Wakeup;

/** Wakes the outbox relay when a transaction that wrote outbox rows commits. */
@ApplicationScoped
public class OutboxSignal extends Wakeup {
}
