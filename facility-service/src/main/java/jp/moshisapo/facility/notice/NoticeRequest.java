package jp.moshisapo.facility.notice;

import java.util.List;

/** The JSON staff post to {@code POST /admin/notices}: raw input, checked by {@link NoticeValidator}. */
public record NoticeRequest(String subject, String body, String surveyUrl, List<String> businessTypes,
        List<String> municipalities) {
}
