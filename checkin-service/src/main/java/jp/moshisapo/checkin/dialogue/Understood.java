package jp.moshisapo.checkin.dialogue;

import jp.moshisapo.protocol.code.InvalidCodeException;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * What the dialogue understands in a text message: a printed code, a mistyped code, one of the commands, or
 * nothing it knows (answered with the help text). {@link #minimalText()} is a text understood the same way; the
 * webhook writes it instead of what the resident typed, so free text never reaches Kafka (docs/privacy.md).
 */
public sealed interface Understood {

    /** How the dialogue reads {@code text}. */
    static Understood of(String text) {
        CodeFinder.Found found = CodeFinder.find(text);
        if (found instanceof CodeFinder.Code code) {
            return new Code(code.code());
        }
        if (found instanceof CodeFinder.Mistyped) {
            return new Mistyped();
        }
        String command = text.strip();
        if (ResidentTexts.COMMAND_HISTORY.equals(command)) {
            return new History();
        }
        if (ResidentTexts.COMMAND_ERASE.equals(command)) {
            return new Erase();
        }
        if (ResidentTexts.COMMAND_HOW_TO_SCAN.equals(command)) {
            return new HowToScan();
        }
        if (ResidentTexts.COMMAND_CONTACT.equals(command)) {
            return new Contact();
        }
        return new Other();
    }

    /** The shortest text {@link #of} reads as this: no word of the resident's own survives. */
    String minimalText();

    /** A scanned or typed code: the QR redirect's 「チェックイン XXXX-XXXX-C」 or the code alone. */
    record Code(PrintedCode code) implements Understood {
        @Override
        public String minimalText() {
            return code.display();
        }
    }

    /** Nine code characters whose check character is wrong: what the resident typed is not kept. */
    record Mistyped() implements Understood {
        /** Eight zeros and a check character that does not fit them. */
        static final String SAMPLE = mistypedSample();

        @Override
        public String minimalText() {
            return SAMPLE;
        }

        private static String mistypedSample() {
            for (char check : PrintedCode.ALPHABET.toCharArray()) {
                try {
                    PrintedCode.parse("00000000" + check);
                } catch (InvalidCodeException wrongCheck) {
                    return "00000000" + check;
                }
            }
            throw new IllegalStateException("every check character fits");
        }
    }

    /** 「履歴」. */
    record History() implements Understood {
        @Override
        public String minimalText() {
            return ResidentTexts.COMMAND_HISTORY;
        }
    }

    /** 「削除」 (asks first; the erasure itself is a button, a postback). */
    record Erase() implements Understood {
        @Override
        public String minimalText() {
            return ResidentTexts.COMMAND_ERASE;
        }
    }

    /** 「読み取り方」 (the rich menu's QRコードの読み取り方). */
    record HowToScan() implements Understood {
        @Override
        public String minimalText() {
            return ResidentTexts.COMMAND_HOW_TO_SCAN;
        }
    }

    /** 「お問い合わせ」 (the rich menu's last button). */
    record Contact() implements Understood {
        @Override
        public String minimalText() {
            return ResidentTexts.COMMAND_CONTACT;
        }
    }

    /** Anything else, 「使い方」 included: the help text answers it, so only the fact that text came is kept. */
    record Other() implements Understood {
        @Override
        public String minimalText() {
            return "";
        }
    }
}
