package jp.moshisapo.checkin.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.moshisapo.protocol.code.InvalidCodeException;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * Finds a printed code anywhere in a chat message: the 「チェックイン ABCD-EFGH-J」 text the QR redirect prefills,
 * or a code typed by hand in any spelling {@link PrintedCode#parse} accepts (lower case, full width, spaces or
 * hyphens between the groups, O for 0, I/L for 1), with other words or emoji around it.
 */
public final class CodeFinder {

    /** What a message holds: a valid code, something that looks like a mistyped code, or neither. */
    public sealed interface Found permits Code, Mistyped, Nothing {
    }

    public record Code(PrintedCode code) implements Found {
    }

    /** Nine code characters whose check character does not match: a typo the resident should look at again. */
    public record Mistyped() implements Found {
    }

    public record Nothing() implements Found {
    }

    private CodeFinder() {
    }

    public static Found find(String text) {
        boolean mistyped = false;
        for (List<String> group : groups(text)) {
            for (int start = 0; start < group.size(); start++) {
                StringBuilder candidate = new StringBuilder();
                for (int end = start; end < group.size() && candidate.length() < PrintedCode.LENGTH; end++) {
                    candidate.append(group.get(end));
                    if (candidate.length() == PrintedCode.LENGTH) {
                        Optional<PrintedCode> code = parse(candidate.toString());
                        if (code.isPresent()) {
                            return new Code(code.get());
                        }
                        mistyped = true;
                    }
                }
            }
        }
        return mistyped ? new Mistyped() : new Nothing();
    }

    private static Optional<PrintedCode> parse(String candidate) {
        try {
            return Optional.of(PrintedCode.parse(candidate));
        } catch (InvalidCodeException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs of code characters: hyphens join characters into one token, white space separates tokens of the same
     * group (「ABCD EFGH J」), anything else (Japanese, punctuation, emoji) ends the group.
     */
    private static List<List<String>> groups(String text) {
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            char c = codePoint <= Character.MAX_VALUE ? normalise((char) codePoint) : 0;
            if (c != 0 && PrintedCode.ALPHABET.indexOf(c) >= 0) {
                token.append(c);
            } else if (c == '-') {
                continue;
            } else if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                endToken(group, token);
            } else {
                endToken(group, token);
                endGroup(groups, group);
                group = new ArrayList<>();
            }
        }
        endToken(group, token);
        endGroup(groups, group);
        return groups;
    }

    private static void endToken(List<String> group, StringBuilder token) {
        if (!token.isEmpty()) {
            group.add(token.toString());
            token.setLength(0);
        }
    }

    private static void endGroup(List<List<String>> groups, List<String> group) {
        if (!group.isEmpty()) {
            groups.add(group);
        }
    }

    /** The same reading as {@link PrintedCode#parse}: full width to ASCII, dashes to '-', O→0, I/L→1. */
    private static char normalise(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        } else if (c == '\u30FC' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013'
                || c == '\u2212') {
            return '-';
        }
        c = Character.toUpperCase(c);
        return switch (c) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> c;
        };
    }
}
