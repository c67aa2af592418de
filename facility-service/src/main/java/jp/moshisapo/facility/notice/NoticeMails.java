package jp.moshisapo.facility.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import jp.moshisapo.facility.code.CodeLinks;
import jp.moshisapo.facility.mail.MailBody;
import jp.moshisapo.facility.mail.MailKind;
import jp.moshisapo.facility.mail.MailQueue;
import jp.moshisapo.facility.mail.OutgoingMail;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.facility.text.VenueTexts;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.problem.Language;

/** One venue's copy of a notice, in Japanese (staff write it so), with its one-click unsubscribe link. */
@ApplicationScoped
class NoticeMails {

    private final MailQueue queue;
    private final CodeLinks links;

    NoticeMails(MailQueue queue, CodeLinks links) {
        this.queue = queue;
        this.links = links;
    }

    void queue(Notice notice, Facility venue, UUID unsubscribeKey) {
        VenueTexts texts = Texts.of(Language.JA);
        String unsubscribe = links.base() + "/api/unsubscribe/" + unsubscribeKey;
        MailBody body = new MailBody()
                .paragraph(texts.mail_greeting(venue.name()))
                .paragraph(notice.body());
        if (notice.surveyUrl() != null) {
            body.link(texts.mail_notice_survey(), notice.surveyUrl());
        }
        body.heading(texts.mail_notice_unsubscribe_title())
                .link(texts.mail_notice_unsubscribe(), unsubscribe);
        body.heading(texts.mail_contact_title())
                .paragraph(texts.mail_contact_body())
                .paragraph(texts.mail_notice_footer());
        queue.enqueue(new OutgoingMail(MailKind.NOTICE, venue.id(), notice.id(), venue.email(),
                texts.mail_notice_subject(notice.subject()), body.text(), body.html(), unsubscribe));
    }
}
