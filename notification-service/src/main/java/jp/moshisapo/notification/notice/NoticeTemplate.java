package jp.moshisapo.notification.notice;

/** One notice text staff can start a case from, its placeholders filled in. */
public record NoticeTemplate(String id, String title, String text) {
}
