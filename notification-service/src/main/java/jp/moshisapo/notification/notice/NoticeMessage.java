package jp.moshisapo.notification.notice;

import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexButton;
import com.linecorp.bot.messaging.model.FlexComponent;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.FlexText;
import com.linecorp.bot.messaging.model.URIAction;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A notice as the resident sees it: the approved text in a Flex bubble with buttons that open a link (the
 * consultation centre's {@code tel:}, the prefecture's page), and {@code altText} for the chat list and the push
 * notification. The console draws the same record, so staff see what residents will see.
 */
public record NoticeMessage(String altText, String body, List<Button> buttons) {

    /** LINE refuses a Flex message whose altText is longer than 400 characters. */
    public static final int MAX_ALT_TEXT = 400;

    /** A button that opens {@code uri} (LINE allows http, https, line and tel). */
    public record Button(String label, String uri) {
    }

    /** The text in full as the body; as altText the text itself, or its start when it is longer than LINE allows. */
    public static NoticeMessage of(String text, List<Button> buttons) {
        return new NoticeMessage(altText(text), text, List.copyOf(buttons));
    }

    /** The LINE SDK's model of this message, which serialises to LINE's wire format. */
    public FlexMessage toLine() {
        List<FlexComponent> footer = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            Button button = buttons.get(i);
            footer.add(new FlexButton.Builder(new URIAction.Builder().label(button.label())
                    .uri(URI.create(button.uri())).build())
                    .style(i == 0 ? FlexButton.Style.PRIMARY : FlexButton.Style.SECONDARY)
                    .height(FlexButton.Height.SM).build());
        }
        FlexBubble.Builder bubble = new FlexBubble.Builder().body(new FlexBox.Builder(FlexBox.Layout.VERTICAL,
                List.of(new FlexText.Builder().text(body).wrap(true).size("sm").build())).build());
        if (!footer.isEmpty()) {
            bubble.footer(new FlexBox.Builder(FlexBox.Layout.VERTICAL, footer).spacing("sm").build());
        }
        return new FlexMessage.Builder(altText, bubble.build()).build();
    }

    private static String altText(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_ALT_TEXT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_ALT_TEXT - 1)) + "…";
    }
}
