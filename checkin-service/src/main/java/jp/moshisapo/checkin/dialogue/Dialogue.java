package jp.moshisapo.checkin.dialogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.moshisapo.checkin.code.CodeEntry;
import jp.moshisapo.checkin.config.CheckinConfig;
import jp.moshisapo.checkin.history.HistoryEntry;
import jp.moshisapo.checkin.resident.Pseudonym;
import jp.moshisapo.checkin.resident.Resident;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.ResidentEvent;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.protocol.events.VisitRecorded;

/**
 * The resident's conversation with the official account: scan → consent → visit recorded, plus follow/unfollow
 * and the resident's own commands (履歴, 削除, 使い方). Decides the answer to one event; the caller publishes
 * and replies, in that order.
 */
@ApplicationScoped
public class Dialogue {

    private final Replies replies;
    private final ResidentTexts texts;
    private final Duration consentValidFor;
    private final Duration historyRetention;
    private final EventKeyring eventKeys;

    public Dialogue(Replies replies, ResidentTexts texts, CheckinConfig config, EventKeyring eventKeys) {
        this.replies = replies;
        this.texts = texts;
        this.eventKeys = eventKeys;
        this.consentValidFor = config.consentValidFor();
        this.historyRetention = config.historyRetention();
    }

    public Outcome answer(Incoming incoming, DialogueStore store) {
        Resident resident = incoming.resident();
        if (incoming instanceof Incoming.Followed followed) {
            return Outcome.publishThenReply(resident, followed.replyToken(),
                    residentEvent(ResidentEvent.Type.REACHABLE, incoming), replies.greeting());
        }
        if (incoming instanceof Incoming.Unfollowed) {
            return new Outcome(resident, null, List.of(),
                    List.of(residentEvent(ResidentEvent.Type.UNREACHABLE, incoming)));
        }
        if (incoming instanceof Incoming.TextSent text) {
            return text(text, store);
        }
        if (incoming instanceof Incoming.Postback postback) {
            return postback(postback, store);
        }
        Incoming.OtherMessage other = (Incoming.OtherMessage) incoming;
        return Outcome.reply(resident, other.replyToken(), replies.help());
    }

    /** The code an event will look up, so a batch of events can load all its codes at once. */
    public static Optional<PrintedCode> codeMentioned(Incoming incoming) {
        if (incoming instanceof Incoming.TextSent text && Understood.of(text.text()) instanceof Understood.Code c) {
            return Optional.of(c.code());
        }
        return consent(incoming).filter(PostbackData.Consent::accepted).map(PostbackData.Consent::code);
    }

    /** The visit a consent would record, so a batch can look up at once which are recorded already. */
    public static Optional<UUID> visitMentioned(Incoming incoming) {
        return consent(incoming).filter(PostbackData.Consent::accepted)
                .map(c -> visitId(incoming.resident().pseudonym(), c.code(), c.scannedAt()));
    }

    /**
     * The same for every tap on the same consent button: a second tap, LINE's redelivery or a reprocessed batch
     * all name the same visit, so consumers of checkin.visits.v1 store it once. Derived from the pseudonym, not
     * the user id, so the id reveals nothing.
     */
    static UUID visitId(Pseudonym resident, PrintedCode code, Instant scannedAt) {
        byte[] codeBytes = code.canonical().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer name = ByteBuffer.allocate(32 + codeBytes.length + Long.BYTES);
        name.put(resident.bytes()).put(codeBytes).putLong(scannedAt.toEpochMilli());
        return UUID.nameUUIDFromBytes(name.array());
    }

    private Outcome text(Incoming.TextSent text, DialogueStore store) {
        Resident resident = text.resident();
        Understood understood = Understood.of(text.text());
        if (understood instanceof Understood.Code scanned) {
            return scanned(text, scanned.code(), store);
        }
        if (understood instanceof Understood.Mistyped) {
            return Outcome.reply(resident, text.replyToken(), replies.text(texts.mistypedCode()));
        }
        if (understood instanceof Understood.History) {
            List<HistoryEntry> visits = store.history(resident.pseudonym(), text.at().minus(historyRetention));
            return Outcome.reply(resident, text.replyToken(), replies.history(visits));
        }
        if (understood instanceof Understood.Erase) {
            return Outcome.reply(resident, text.replyToken(), replies.eraseQuestion());
        }
        if (understood instanceof Understood.HowToScan) {
            return Outcome.reply(resident, text.replyToken(), replies.text(texts.howToScan()));
        }
        if (understood instanceof Understood.Contact) {
            return Outcome.reply(resident, text.replyToken(), replies.text(texts.contact()));
        }
        return Outcome.reply(resident, text.replyToken(), replies.help());
    }

    /** The QR code was scanned: the event's time is the time of the visit. */
    private Outcome scanned(Incoming.TextSent text, PrintedCode code, DialogueStore store) {
        Optional<CodeEntry> venue = store.code(code);
        if (venue.isEmpty()) {
            return Outcome.reply(text.resident(), text.replyToken(), replies.text(texts.unknownCode()));
        }
        if (!venue.get().isActive()) {
            return Outcome.reply(text.resident(), text.replyToken(), replies.text(texts.revokedCode()));
        }
        return Outcome.reply(text.resident(), text.replyToken(), replies.consentPrompt(venue.get(), text.at()));
    }

    private Outcome postback(Incoming.Postback postback, DialogueStore store) {
        Resident resident = postback.resident();
        Optional<PostbackData> data = PostbackData.parse(postback.data());
        if (data.isEmpty()) {
            return Outcome.reply(resident, postback.replyToken(), replies.help());
        }
        if (data.get() instanceof PostbackData.Erasure erasure) {
            return erasure.confirmed() ? erase(postback, store)
                    : Outcome.reply(resident, postback.replyToken(), replies.text(texts.eraseCancelled()));
        }
        PostbackData.Consent consent = (PostbackData.Consent) data.get();
        if (!consent.accepted()) {
            return Outcome.reply(resident, postback.replyToken(), replies.text(texts.declined()));
        }
        return consented(postback, consent, store);
    }

    private Outcome consented(Incoming.Postback postback, PostbackData.Consent consent, DialogueStore store) {
        Resident resident = postback.resident();
        if (Duration.between(consent.scannedAt(), postback.at()).compareTo(consentValidFor) > 0) {
            return Outcome.reply(resident, postback.replyToken(), replies.text(texts.staleConsent()));
        }
        // Checked again: the code may have been revoked between the scan and the tap.
        Optional<CodeEntry> venue = store.code(consent.code());
        if (venue.isEmpty()) {
            return Outcome.reply(resident, postback.replyToken(), replies.text(texts.unknownCode()));
        }
        if (!venue.get().isActive()) {
            return Outcome.reply(resident, postback.replyToken(), replies.text(texts.revokedCode()));
        }
        UUID visitId = visitId(resident.pseudonym(), consent.code(), consent.scannedAt());
        HistoryEntry entry = new HistoryEntry(visitId, consent.code().canonical(), venue.get().facilityName(),
                venue.get().room(), consent.scannedAt());
        if (!store.addVisit(resident.pseudonym(), entry)) {
            return Outcome.reply(resident, postback.replyToken(), replies.text(texts.alreadyRecorded()));
        }
        VisitRecorded visit = VisitRecorded.of(visitId, resident.lineUserId(), consent.code().canonical(),
                consent.scannedAt(), postback.at(), eventKeys);
        return Outcome.publishThenReply(resident, postback.replyToken(),
                new Outcome.Publication(Topic.CHECKIN_VISITS, visit.code(), visit), replies.text(texts.completed()));
    }

    private Outcome erase(Incoming.Postback postback, DialogueStore store) {
        store.eraseHistory(postback.resident().pseudonym());
        return Outcome.publishThenReply(postback.resident(), postback.replyToken(),
                residentEvent(ResidentEvent.Type.ERASURE_REQUESTED, postback), replies.text(texts.erased()));
    }

    /** Keyed by the pseudonym: one resident's events stay in order on one partition, and the key names no one. */
    private Outcome.Publication residentEvent(ResidentEvent.Type type, Incoming incoming) {
        Resident resident = incoming.resident();
        return new Outcome.Publication(Topic.CHECKIN_RESIDENTS, resident.pseudonym().hex(),
                ResidentEvent.of(type, resident.lineUserId(), incoming.at(), eventKeys));
    }

    private static Optional<PostbackData.Consent> consent(Incoming incoming) {
        if (incoming instanceof Incoming.Postback postback
                && PostbackData.parse(postback.data()).orElse(null) instanceof PostbackData.Consent consent) {
            return Optional.of(consent);
        }
        return Optional.empty();
    }
}
