package jp.moshisapo.facility.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.moshisapo.facility.code.CodeLinks;
import jp.moshisapo.facility.code.CodeRecord;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.facility.text.VenueTexts;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.problem.Language;

/**
 * The mails a venue gets about its own registration, in the language of the page it used: the confirmation
 * (codes, links, management link, the seed's 利用にあたっての注意事項, the prefecture's contact) and a fresh
 * management link it asked for. Both are queued in the caller's transaction.
 */
@ApplicationScoped
public class VenueMails {

    private final MailQueue queue;
    private final CodeLinks links;

    VenueMails(MailQueue queue, CodeLinks links) {
        this.queue = queue;
        this.links = links;
    }

    /** Queues the registration's confirmation to the venue's address. */
    public void confirmRegistration(Facility facility, List<CodeRecord> codes, String managementToken,
            Language language) {
        VenueTexts texts = Texts.of(language);
        MailBody body = new MailBody()
                .paragraph(texts.mail_greeting(facility.name()))
                .paragraph(texts.mail_registration_lead(facility.name()))
                .heading(texts.mail_registration_codes());
        for (CodeRecord code : codes) {
            body.entry(texts.mail_registration_room(code.room()),
                    texts.mail_registration_code(code.code().display()));
            body.link(texts.mail_registration_qr(), links.qrPng(code.code()));
            body.link(texts.mail_registration_poster(), links.poster(code.code()));
        }
        managementLink(body, texts, facility, managementToken);
        body.heading(texts.done_notes_title())
                .ownHtmlList(List.of(texts.done_notes_1_html(), texts.done_notes_2_html(), texts.done_notes_3_html(),
                        texts.done_notes_4_html(), texts.done_notes_5_html()));
        contact(body, texts);
        queue.enqueue(new OutgoingMail(MailKind.REGISTRATION, facility.id(), null, facility.email(),
                texts.mail_registration_subject(facility.name()), body.text(), body.html(), null));
    }

    /** Queues a new management link the venue asked for; the caller has already replaced the token. */
    public void sendManagementLink(Facility facility, String managementToken, Language language) {
        VenueTexts texts = Texts.of(language);
        MailBody body = new MailBody()
                .paragraph(texts.mail_greeting(facility.name()))
                .paragraph(texts.mail_link_lead(facility.name()));
        managementLink(body, texts, facility, managementToken);
        body.paragraph(texts.mail_link_unrequested());
        contact(body, texts);
        queue.enqueue(new OutgoingMail(MailKind.MANAGEMENT_LINK, facility.id(), null, facility.email(),
                texts.mail_link_subject(facility.name()), body.text(), body.html(), null));
    }

    private void managementLink(MailBody body, VenueTexts texts, Facility facility, String token) {
        body.heading(texts.done_manage_title())
                .link(texts.done_manage_link(), links.management(facility.id(), token))
                .paragraph(texts.mail_manage_lead());
    }

    /** The prefecture's contact and the footer every mail to a venue ends with. */
    static void contact(MailBody body, VenueTexts texts) {
        body.heading(texts.mail_contact_title())
                .paragraph(texts.mail_contact_body())
                .paragraph(texts.mail_footer());
    }
}
