package jp.moshisapo.facility.text;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.facility.venue.ScaleBand;
import jp.moshisapo.protocol.code.InvalidCodeException;

/**
 * Every text a venue reads, in Japanese (the seed's wording, {@code messages/t_ja.properties}) and English
 * ({@code messages/t_en.properties}): pages use them as {@code {t:form_intro1}}, Java code through
 * {@link Texts#of}. Each text is a Qute template; the build fails when a text is missing in a language, names a
 * parameter its method lacks, or a page asks for a text that does not exist. {@code {cdi:prefecture.…}} is the
 * configured prefecture's names ({@link PrefectureNames}); texts the browser fills in keep a literal {@code {0}}.
 * Methods taking an enum read one text per constant ({@code businessType_$FOOD_SERVICE}; {@code _$} because the
 * constants hold underscores).
 */
@MessageBundle(value = "t", locale = "ja")
public interface VenueTexts {

    @Message
    String page_header_account_label();

    @Message
    String page_header_account();

    @Message
    String page_header_service();

    @Message
    String page_header_tagline();

    @Message
    String page_header_form_kind();

    @Message
    String page_footer_contact();

    @Message
    String page_footer_trademark();

    @Message
    String page_title_form();

    @Message
    String page_title_terms();

    @Message
    String page_title_manage();

    @Message
    String page_title_invalid_code();

    @Message
    String form_intro1();

    @Message
    String form_intro2();

    @Message
    String form_intro3();

    @Message
    String form_required();

    @Message
    String form_optional();

    @Message
    String form_select_placeholder();

    @Message
    String form_businessType_label();

    @Message
    String form_businessType_hint();

    @Message
    String form_scale_label();

    @Message
    String form_scale_hint();

    @Message
    String form_name_label();

    @Message
    String form_name_placeholder();

    @Message
    String form_postalCode_label();

    @Message
    String form_postalCode_placeholder();

    @Message
    String form_postalCode_hint();

    @Message
    String form_address1_label();

    @Message
    String form_address1_placeholder();

    @Message
    String form_address1_hint();

    @Message
    String form_address2_label();

    @Message
    String form_address2_placeholder();

    @Message
    String form_phone_label();

    @Message
    String form_phone_placeholder();

    @Message
    String form_email_label();

    @Message
    String form_email_placeholder();

    @Message
    String form_rooms_label();

    @Message
    String form_rooms_hint1();

    @Message
    String form_rooms_hint2();

    @Message
    String form_rooms_default();

    @Message
    String form_rooms_placeholder();

    @Message
    String form_rooms_add();

    @Message
    String form_rooms_remove();

    @Message
    String form_rooms_row_label();

    @Message
    String form_terms_label();

    @Message
    String form_terms_link_before();

    @Message
    String form_terms_link();

    @Message
    String form_notices_label();

    @Message
    String form_notices_hint();

    @Message
    String form_submit();

    @Message
    String form_submitting();

    @Message
    String form_errors_summary();

    @Message
    String form_errors_network();

    @Message
    String form_examples_title();

    @Message
    String form_examples_lead();

    @Message
    String done_heading();

    @Message
    String done_issued();

    @Message
    String done_lead();

    @Message
    String done_flyers();

    @Message
    String done_code_label();

    @Message
    String done_view_pdf();

    @Message
    String done_download_pdf();

    @Message
    String done_all_pdf();

    @Message
    String done_table_cards();

    @Message
    String done_table_cards_hint();

    @Message
    String done_qr_alt();

    @Message
    String done_manage_title();

    @Message
    String done_manage_lead();

    @Message
    String done_manage_link();

    @Message
    String done_manage_token();

    @Message
    String done_placement_title();

    @Message
    String done_placement_1();

    @Message
    String done_placement_2();

    @Message
    String done_placement_3();

    @Message
    String done_notes_title();

    @Message
    String done_notes_1_html();

    @Message
    String done_notes_2_html();

    @Message
    String done_notes_3_html();

    @Message
    String done_notes_4_html();

    @Message
    String done_notes_5_html();

    @Message
    String manage_heading();

    @Message
    String manage_lead();

    @Message
    String manage_missing();

    @Message
    String manage_loading();

    @Message
    String manage_not_found();

    @Message
    String manage_status_ACTIVE();

    @Message
    String manage_status_REVOKED();

    @Message
    String manage_revoke();

    @Message
    String manage_revoke_confirm();

    @Message
    String manage_revoke_hint();

    @Message
    String manage_rotate_title();

    @Message
    String manage_rotate_hint();

    @Message
    String manage_rotate_button();

    @Message
    String manage_rotate_confirm();

    @Message
    String manage_rotate_done();

    @Message
    String manage_add_title();

    @Message
    String manage_add_submit();

    @Message
    String manage_address();

    @Message
    String manage_phone();

    @Message
    String invalid_heading();

    @Message
    String invalid_body();

    @Message
    String terms_heading();

    @Message
    String terms_1_title();

    @Message
    String terms_1_body();

    @Message
    String terms_2_title();

    @Message
    String terms_2_body();

    @Message
    String terms_3_title();

    @Message
    String terms_3_body();

    @Message
    String terms_4_title();

    @Message
    String terms_4_body();

    @Message
    String terms_5_title();

    @Message
    String terms_5_body();

    @Message
    String terms_6_title();

    @Message
    String terms_6_body();

    @Message
    String terms_back();

    @Message
    String businessType(BusinessType type);

    @Message
    String businessTypeExamples(BusinessType type);

    @Message
    String scale(ScaleBand band);

    @Message
    String field_too_long(int max);

    @Message
    String field_control_characters();

    @Message
    String field_businessType_required();

    @Message
    String field_scale_required();

    @Message
    String field_name_required();

    @Message
    String field_postalCode_required();

    @Message
    String field_postalCode_invalid();

    @Message
    String field_address1_required();

    @Message
    String field_phone_required();

    @Message
    String field_phone_invalid();

    @Message
    String field_email_required();

    @Message
    String field_email_invalid();

    @Message
    String field_termsAccepted_required();

    @Message
    String field_rooms_required();

    @Message
    String field_rooms_too_many(int max);

    @Message
    String field_room_required();

    @Message
    String field_room_duplicate();

    @Message
    String field_code(InvalidCodeException.Reason reason);

    @Message
    String field_limit_range(int min, int max);

    @Message
    String problem_unauthorized_title();

    @Message
    String problem_unauthorized_detail();

    @Message
    String problem_facility_not_found();

    @Message
    String problem_code_not_found();

    @Message
    String problem_audit_unavailable();

    @Message
    String problem_posters_busy();

    @Message
    String problem_posters_none_active();

    @Message
    String field_search_q_too_long(int max);

    @Message
    String field_search_q_too_short();

    @Message
    String field_search_empty();

    @Message
    String field_search_businessType();

    @Message
    String field_search_municipality();

    @Message
    String field_search_range(int min, int max);

    @Message
    String mail_greeting(String venue);

    @Message
    String mail_registration_subject(String venue);

    @Message
    String mail_registration_lead(String venue);

    @Message
    String mail_registration_codes();

    @Message
    String mail_registration_room(String room);

    @Message
    String mail_registration_code(String code);

    @Message
    String mail_registration_qr();

    @Message
    String mail_registration_poster();

    @Message
    String mail_manage_lead();

    @Message
    String mail_link_subject(String venue);

    @Message
    String mail_link_lead(String venue);

    @Message
    String mail_link_unrequested();

    @Message
    String mail_contact_title();

    @Message
    String mail_contact_body();

    @Message
    String mail_footer();

    @Message
    String recovery_title();

    @Message
    String recovery_lead();

    @Message
    String recovery_email_label();

    @Message
    String recovery_submit();

    @Message
    String recovery_sending();

    @Message
    String recovery_accepted();

    @Message
    String problem_notice_not_found();

    @Message
    String problem_notice_own_draft();

    @Message
    String field_notice_subject_required();

    @Message
    String field_notice_body_required();

    @Message
    String field_notice_survey_url_invalid();

    @Message
    String field_notice_business_type_unknown();

    @Message
    String field_notice_municipality_unknown();

    @Message
    String mail_notice_subject(String subject);

    @Message
    String mail_notice_survey();

    @Message
    String mail_notice_unsubscribe_title();

    @Message
    String mail_notice_unsubscribe();

    @Message
    String mail_notice_footer();

    @Message
    String page_title_unsubscribe();

    @Message
    String page_title_unsubscribed();

    @Message
    String unsubscribe_lead();

    @Message
    String unsubscribe_submit();

    @Message
    String unsubscribed_body();
}
