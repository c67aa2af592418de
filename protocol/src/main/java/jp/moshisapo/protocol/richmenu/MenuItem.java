package jp.moshisapo.protocol.richmenu;

/**
 * The official account's rich menu, left to right: each item's label (drawn on the menu image) and the text a
 * tap sends as the resident's message. checkin-service's dialogue answers every one of these texts, and the
 * rich menu command draws and registers exactly these; one list, so a button never sends a word nobody answers.
 */
public enum MenuItem {
    HOW_TO_SCAN("QRコードの読み取り方", "読み取り方"),
    HISTORY("利用履歴", "履歴"),
    ERASE("利用情報の削除", "削除"),
    CONTACT("お問い合わせ", "お問い合わせ");

    private final String label;
    private final String text;

    MenuItem(String label, String text) {
        this.label = label;
        this.text = text;
    }

    /** What the menu image shows (the seed's wording). */
    public String label() {
        return label;
    }

    /** What a tap sends, as if the resident had typed it. */
    public String text() {
        return text;
    }
}
