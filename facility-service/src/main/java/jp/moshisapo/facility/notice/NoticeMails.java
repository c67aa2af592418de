package jp.moshisapo.facility.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import jp.moshisapo.facility.code.CodeLinks;
import jp.moshisapo.facility.mail.MailBody;
import jp.moshisapo.facility.mail.MailKind;
import jp.moshisapo.facility.mail.MailQueue;
import jp.moshisapo.facility.mail.OutgoingMail;
import jp.moshisapo.facility.text.TextCatalog;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.problem.Language;

/** One venue's copy of a notice, in Japanese (staff write it so), with its one-click unsubscribe link. */
@ApplicationScoped
class NoticeMails {

    private final MailQueue queue;
    private final TextCatalog catalog;
    private final CodeLinks links;

    NoticeMails(MailQueue queue, TextCatalog catalog, CodeLinks links) {
        this.queue = queue;
        this.catalog = catalog;
        this.links = links;
    }

    void queue(Notice notice, Facility venue, UUID unsubscribeKey) {
        Texts texts = catalog.of(Language.JA);
        String unsubscribe = links.base() + "/api/unsubscribe/" + unsubscribeKey;
        MailBody body = new MailBody()
                .paragraph(texts.get("mail.greeting", venue.name()))
                .paragraph(notice.body());
        if (notice.surveyUrl() != null) {
            body.link(texts.get("mail.notice.survey"), notice.surveyUrl());
        }
        body.heading(texts.get("mail.notice.unsubscribe.title"))
                .link(texts.get("mail.notice.unsubscribe"), unsubscribe);
        body.heading(texts.get("mail.contact.title"))
                .paragraph(texts.get("mail.contact.body"))
                .paragraph(texts.get("mail.notice.footer"));
        queue.enqueue(new OutgoingMail(MailKind.NOTICE, venue.id(), notice.id(), venue.email(),
                texts.get("mail.notice.subject", notice.subject()), body.text(), body.html(), unsubscribe));
    }
}
