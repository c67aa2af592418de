package jp.moshisapo.checkin.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.security.SecureRandom;
import java.util.List;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.richmenu.MenuItem;
import org.junit.jupiter.api.Test;

class UnderstoodTest {

    private static final PrintedCode CODE = PrintedCode.generate(new SecureRandom());
    private static final String WRONG_CHECK = CODE.canonical().substring(0, 8)
            + PrintedCode.ALPHABET.charAt((PrintedCode.ALPHABET.indexOf(CODE.canonical().charAt(8)) + 1) % 32);

    /** What residents send: the QR redirect's text, codes typed by hand, commands, and anything else. */
    private static final List<String> SAID = List.of(
            "チェックイン " + CODE.display(), CODE.canonical().toLowerCase(), "ｺｰﾄﾞ " + CODE.display() + " です🙂",
            "チェックイン " + WRONG_CHECK, "履歴", " 履歴\n", "削除", "　削除　", "使い方", "読み取り方", "お問い合わせ", "",
            "熱があります。090-1234-5678 山田太郎", "履歴を見せて", "削除して下さい", "🙂", "hello");

    /** A rich menu button that sent a word the dialogue does not know would only ever get the help text. */
    @Test
    void everyRichMenuItemSendsACommandTheDialogueAnswers() {
        for (MenuItem item : MenuItem.values()) {
            Understood understood = Understood.of(item.text());
            assertFalse(understood instanceof Understood.Other, item + " is answered with the help text only");
            assertEquals(item.text(), understood.minimalText(), item + " reaches Kafka as the command itself");
        }
    }

    @Test
    void theMinimalTextIsUnderstoodExactlyAsWhatTheResidentTyped() {
        for (String text : SAID) {
            Understood understood = Understood.of(text);
            assertEquals(understood, Understood.of(understood.minimalText()), "for \"" + text + "\"");
        }
    }

    @Test
    void noWordOfTheResidentsOwnSurvives() {
        assertEquals("", Understood.of("熱があります。090-1234-5678 山田太郎").minimalText());
        assertEquals("", Understood.of("履歴を見せて").minimalText());
        assertEquals(CODE.display(), Understood.of("こんにちは チェックイン " + CODE.display()).minimalText());
        String mistyped = Understood.of("僕の店 " + WRONG_CHECK).minimalText();
        assertInstanceOf(Understood.Mistyped.class, Understood.of(mistyped));
        assertFalse(mistyped.contains(WRONG_CHECK.substring(0, 4)), "not even the resident's typo: " + mistyped);
    }
}
