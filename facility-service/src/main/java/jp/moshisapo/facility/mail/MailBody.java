package jp.moshisapo.facility.mail;


/**
 * Builds the plain-text and HTML bodies of one mail side by side, so both always say the same. Values are escaped
 * in the HTML; only the service's own {@code *.html} texts go in as markup (and lose their tags in the text).
 */
public final class MailBody {

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
                    + "<body style=\"font-family:sans-serif;line-height:1.6\">");

    /** A paragraph of plain text (line breaks kept). */
    public MailBody paragraph(String plain) {
        text.append(plain).append("\n\n");
        html.append("<p>").append(Html.escape(plain).replace("\n", "<br>")).append("</p>");
        return this;
    }

    public MailBody heading(String plain) {
        text.append("■ ").append(plain).append("\n");
        html.append("<h2 style=\"font-size:1.1em\">").append(Html.escape(plain)).append("</h2>");
        return this;
    }

    /** A labelled address; the text shows it on its own line so mail programs make it clickable. */
    public MailBody link(String label, String url) {
        text.append(label).append("\n").append(url).append("\n\n");
        html.append("<p>").append(Html.escape(label)).append("<br><a href=\"")
                .append(Html.escape(url)).append("\">").append(Html.escape(url))
                .append("</a></p>");
        return this;
    }

    /** A bullet list of the service's own texts that may hold {@code <strong>} markup. */
    public MailBody ownHtmlList(java.util.List<String> items) {
        html.append("<ul>");
        for (String item : items) {
            text.append("・").append(item.replaceAll("<[^>]*>", "")).append("\n");
            html.append("<li>").append(item).append("</li>");
        }
        html.append("</ul>");
        text.append("\n");
        return this;
    }

    /** A block for one room: its name and code as a heading line, then its links. */
    public MailBody entry(String title, String detail) {
        text.append("・").append(title).append("\n  ").append(detail).append("\n");
        html.append("<p><strong>").append(Html.escape(title)).append("</strong><br>")
                .append(Html.escape(detail)).append("</p>");
        return this;
    }

    public String text() {
        return text.toString().stripTrailing() + "\n";
    }

    public String html() {
        return html + "</body></html>";
    }
}
