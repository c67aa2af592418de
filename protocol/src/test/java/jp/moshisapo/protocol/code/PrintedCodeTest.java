package jp.moshisapo.protocol.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrintedCodeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedCodesAreShownAsFourFourOneAndReadBack() {
        PrintedCode code = PrintedCode.generate(random);
        String display = code.display();

        assertEquals(11, display.length());
        assertEquals('-', display.charAt(4));
        assertEquals('-', display.charAt(9));
        assertEquals(code, PrintedCode.parse(display));
    }

    @Test
    void aCodeReadOverThePhoneIsAcceptedInAnySpelling() {
        PrintedCode code = codeWithZeroAndOne();
        String typed = code.canonical().toLowerCase().replace('0', 'o').replace('1', 'l');

        assertEquals(code, PrintedCode.parse(typed));
        assertEquals(code, PrintedCode.parse(" " + code.display().replace('1', 'I') + " "));
        assertEquals(code, PrintedCode.parse(toFullWidth(code.display())));
    }

    @Test
    void everySingleMistypedCharacterIsRejected() {
        for (int n = 0; n < 200; n++) {
            String code = PrintedCode.generate(random).canonical();
            for (int position = 0; position < PrintedCode.LENGTH; position++) {
                for (char replacement : PrintedCode.ALPHABET.toCharArray()) {
                    if (replacement == code.charAt(position)) {
                        continue;
                    }
                    String typo = code.substring(0, position) + replacement + code.substring(position + 1);
                    InvalidCodeException e = assertThrows(InvalidCodeException.class, () -> PrintedCode.parse(typo));
                    assertEquals(InvalidCodeException.Reason.CHECK_MISMATCH, e.reason());
                }
            }
        }
    }

    @Test
    void swappedNeighboursAreRejectedExceptZeroAndZ() {
        for (int n = 0; n < 2_000; n++) {
            String code = PrintedCode.generate(random).canonical();
            for (int i = 0; i + 1 < PrintedCode.RANDOM_LENGTH; i++) {
                char a = code.charAt(i);
                char b = code.charAt(i + 1);
                if (a == b || Set.of(a, b).equals(Set.of('0', 'Z'))) {
                    continue;
                }
                String swapped = code.substring(0, i) + b + a + code.substring(i + 2);
                assertThrows(InvalidCodeException.class, () -> PrintedCode.parse(swapped), swapped);
            }
        }
    }

    @Test
    void inputThatIsNotACodeSaysWhy() {
        assertEquals(InvalidCodeException.Reason.EMPTY, reasonFor(" - "));
        assertEquals(InvalidCodeException.Reason.WRONG_LENGTH, reasonFor("ABCD-EFGH"));
        assertEquals(InvalidCodeException.Reason.WRONG_LENGTH, reasonFor("ABCD-EFGH-JK"));
        assertEquals(InvalidCodeException.Reason.INVALID_CHARACTER, reasonFor("ABCD-EFGH-U"));
        assertEquals(InvalidCodeException.Reason.INVALID_CHARACTER, reasonFor("../../etc/passwd"));
        assertEquals(InvalidCodeException.Reason.EMPTY, reasonFor(null));
    }

    @Test
    void generatedCodesDoNotRepeatInPractice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(PrintedCode.generate(random).canonical());
        }
        assertEquals(100_000, seen.size());
    }

    private static InvalidCodeException.Reason reasonFor(String input) {
        return assertThrows(InvalidCodeException.class, () -> PrintedCode.parse(input)).reason();
    }

    private static PrintedCode codeWithZeroAndOne() {
        String body = "01AB23CD";
        return new PrintedCode(body + PrintedCode.checkCharacter(body));
    }

    private static String toFullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            out.append(c == '-' ? 'ー' : (char) (c + 0xFEE0));
        }
        return out.toString();
    }
}
