package jp.moshisapo.checkin.dialogue;

import com.linecorp.bot.messaging.model.Action;
import com.linecorp.bot.messaging.model.ConfirmTemplate;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MessageAction;
import com.linecorp.bot.messaging.model.PostbackAction;
import com.linecorp.bot.messaging.model.QuickReply;
import com.linecorp.bot.messaging.model.QuickReplyItem;
import com.linecorp.bot.messaging.model.TemplateMessage;
import com.linecorp.bot.messaging.model.TextMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import jp.moshisapo.checkin.code.CodeEntry;
import jp.moshisapo.checkin.history.HistoryEntry;

/** The LINE messages of each answer, built from {@link ResidentTexts} with the SDK's message types. */
@ApplicationScoped
public class Replies {

    /** A LINE text message holds 5,000 characters; the rest of a very long history is counted, not listed. */
    static final int MAX_TEXT_LENGTH = 5000;
    private static final int ROOM_FOR_MORE = 20;

    private final ResidentTexts texts;
    private final QuickReply commands;

    public Replies(ResidentTexts texts) {
        this.texts = texts;
        this.commands = new QuickReply(List.of(
                command(ResidentTexts.COMMAND_HISTORY),
                command(ResidentTexts.COMMAND_ERASE),
                command(ResidentTexts.COMMAND_HELP)));
    }

    public List<Message> greeting() {
        return List.of(new TextMessage(texts.greeting()), withCommands(texts.howToUse()));
    }

    public List<Message> help() {
        return List.of(withCommands(texts.help()));
    }

    public List<Message> text(String text) {
        return List.of(new TextMessage(text));
    }

    /** The seed's consent screen (同意する / 同意しない), preceded by the venue the code belongs to. */
    public List<Message> consentPrompt(CodeEntry venue, Instant scannedAt) {
        PostbackData agree = new PostbackData.Consent(true, venue.code(), scannedAt);
        PostbackData disagree = new PostbackData.Consent(false, venue.code(), scannedAt);
        return List.of(
                new TextMessage(texts.venueScanned(venue.facilityName(), venue.room())),
                confirm(ResidentTexts.CONSENT,
                        postback(ResidentTexts.AGREE, agree), postback(ResidentTexts.DISAGREE, disagree)));
    }

    public List<Message> eraseQuestion() {
        return List.of(confirm(texts.eraseQuestion(),
                postback(ResidentTexts.ERASE, new PostbackData.Erasure(true)),
                postback(ResidentTexts.KEEP, new PostbackData.Erasure(false))));
    }

    /** Newest first, as given. */
    public List<Message> history(List<HistoryEntry> visits) {
        if (visits.isEmpty()) {
            return List.of(withCommands(texts.historyEmpty()));
        }
        StringBuilder text = new StringBuilder(texts.historyTitle());
        int listed = 0;
        for (HistoryEntry visit : visits) {
            String line = texts.historyLine(visit);
            if (text.length() + 1 + line.length() > MAX_TEXT_LENGTH - ROOM_FOR_MORE) {
                break;
            }
            text.append('\n').append(line);
            listed++;
        }
        if (listed < visits.size()) {
            text.append('\n').append(texts.historyMore(visits.size() - listed));
        }
        return List.of(withCommands(text.toString()));
    }

    private TextMessage withCommands(String text) {
        return new TextMessage(commands, null, text, null, null);
    }

    private static Message confirm(String text, Action yes, Action no) {
        return new TemplateMessage(text, new ConfirmTemplate(text, List.of(yes, no)));
    }

    /** The tapped label also appears in the chat as the resident's own message (displayText). */
    private static Action postback(String label, PostbackData data) {
        return new PostbackAction(label, data.encode(), label, null, null, null);
    }

    private static QuickReplyItem command(String text) {
        return new QuickReplyItem(new MessageAction(text, text));
    }
}
