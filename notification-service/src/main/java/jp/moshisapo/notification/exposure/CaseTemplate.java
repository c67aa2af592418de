package jp.moshisapo.notification.exposure;

/**
 * What a new case starts with: the message residents get unless staff change it (the seed's 【お知らせ】 with the
 * consultation centre), so the console can show it for editing, and LINE's length limit for that text.
 */
public record CaseTemplate(String message, int maxLength) {
}
