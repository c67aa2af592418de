package jp.moshisapo.facility.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.IntStream;
import jp.moshisapo.facility.code.CodeLinks;
import jp.moshisapo.facility.code.CodeRecord;
import jp.moshisapo.facility.text.TextCatalog;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.problem.Language;

/**
 * The mails a venue gets about its own registration, in the language of the page it used: the confirmation
 * (codes, links, management link, the seed's 利用にあたっての注意事項, the prefecture's contact) and a fresh
 * management link it asked for. Both are queued in the caller's transaction.
 */
@ApplicationScoped
public class VenueMails {

    private static final int NOTES = 5;

    private final MailQueue queue;
    private final TextCatalog catalog;
    private final CodeLinks links;

    VenueMails(MailQueue queue, TextCatalog catalog, CodeLinks links) {
        this.queue = queue;
        this.catalog = catalog;
        this.links = links;
    }

    /** Queues the registration's confirmation to the venue's address. */
    public void confirmRegistration(Facility facility, List<CodeRecord> codes, String managementToken,
            Language language) {
        Texts texts = catalog.of(language);
        MailBody body = new MailBody()
                .paragraph(texts.get("mail.greeting", facility.name()))
                .paragraph(texts.get("mail.registration.lead", facility.name()))
                .heading(texts.get("mail.registration.codes"));
        for (CodeRecord code : codes) {
            body.entry(texts.get("mail.registration.room", code.room()),
                    texts.get("mail.registration.code", code.code().display()));
            body.link(texts.get("mail.registration.qr"), links.qrPng(code.code()));
            body.link(texts.get("mail.registration.poster"), links.poster(code.code()));
        }
        managementLink(body, texts, facility, managementToken);
        body.heading(texts.get("done.notes.title"))
                .ownHtmlList(IntStream.rangeClosed(1, NOTES).mapToObj(i -> texts.get("done.notes." + i + ".html"))
                        .toList());
        contact(body, texts);
        queue.enqueue(new OutgoingMail(MailKind.REGISTRATION, facility.id(), null, facility.email(),
                texts.get("mail.registration.subject", facility.name()), body.text(), body.html(), null));
    }

    /** Queues a new management link the venue asked for; the caller has already replaced the token. */
    public void sendManagementLink(Facility facility, String managementToken, Language language) {
        Texts texts = catalog.of(language);
        MailBody body = new MailBody()
                .paragraph(texts.get("mail.greeting", facility.name()))
                .paragraph(texts.get("mail.link.lead", facility.name()));
        managementLink(body, texts, facility, managementToken);
        body.paragraph(texts.get("mail.link.unrequested"));
        contact(body, texts);
        queue.enqueue(new OutgoingMail(MailKind.MANAGEMENT_LINK, facility.id(), null, facility.email(),
                texts.get("mail.link.subject", facility.name()), body.text(), body.html(), null));
    }

    private void managementLink(MailBody body, Texts texts, Facility facility, String token) {
        body.heading(texts.get("done.manage.title"))
                .link(texts.get("done.manage.link"), links.management(facility.id(), token))
                .paragraph(texts.get("mail.manage.lead"));
    }

    /** The prefecture's contact and the footer every mail to a venue ends with. */
    static void contact(MailBody body, Texts texts) {
        body.heading(texts.get("mail.contact.title"))
                .paragraph(texts.get("mail.contact.body"))
                .paragraph(texts.get("mail.footer"));
    }
}
