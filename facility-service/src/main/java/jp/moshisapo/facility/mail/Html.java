package jp.moshisapo.facility.mail;

/**
 * Escaping for the HTML mail bodies built in Java ({@link MailBody}); the pages are Qute templates, which escape
 * every value on their own.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
