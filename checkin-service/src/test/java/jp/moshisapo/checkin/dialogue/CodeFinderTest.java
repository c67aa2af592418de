package jp.moshisapo.checkin.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.security.SecureRandom;
import jp.moshisapo.protocol.code.PrintedCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CodeFinderTest {

    private static final PrintedCode CODE = PrintedCode.generate(new SecureRandom());
    private static final String DISPLAY = CODE.display();

    @Test
    void findsTheCodeInTheTextTheQrRedirectPrefills() {
        assertEquals(CODE, found("チェックイン " + DISPLAY));
    }

    @Test
    void findsACodeTypedInLowerCaseWithoutHyphens() {
        assertEquals(CODE, found(CODE.canonical().toLowerCase()));
    }

    @Test
    void findsACodeTypedFullWidthWithAJapaneseIme() {
        StringBuilder fullWidth = new StringBuilder();
        for (char c : DISPLAY.toCharArray()) {
            fullWidth.append(c == '-' ? 'ー' : (char) (c + 0xFEE0));
        }
        assertEquals(CODE, found("コード：" + fullWidth + "です"));
    }

    @Test
    void findsACodeTypedInGroupsSeparatedBySpaces() {
        assertEquals(CODE, found(CODE.canonical().substring(0, 4) + " " + CODE.canonical().substring(4, 8) + "　"
                + CODE.canonical().charAt(8)));
    }

    @Test
    void readsLettersPeopleConfuseWithDigits() {
        String spoken = CODE.display().replace('0', 'O').replace('1', 'l');
        assertEquals(CODE, found(spoken));
    }

    @Test
    void findsTheCodeBetweenEmojiAndOtherWords() {
        assertEquals(CODE, found("😀🏯 check-in " + DISPLAY + " ありがとう👍"));
    }

    @Test
    void reportsNineCodeCharactersWithAWrongCheckCharacterAsMistyped() {
        char wrong = PrintedCode.ALPHABET.charAt((PrintedCode.ALPHABET.indexOf(CODE.canonical().charAt(8)) + 1) % 32);
        assertInstanceOf(CodeFinder.Mistyped.class, CodeFinder.find("チェックイン " + CODE.canonical().substring(0, 8)
                + wrong));
    }

    @ParameterizedTest
    @ValueSource(strings = {"履歴", "使い方", "こんにちは😀", "👍", "12345", "", "   "})
    void findsNoCodeInOrdinaryMessages(String text) {
        assertInstanceOf(CodeFinder.Nothing.class, CodeFinder.find(text));
    }

    private static PrintedCode found(String text) {
        return assertInstanceOf(CodeFinder.Code.class, CodeFinder.find(text)).code();
    }
}
