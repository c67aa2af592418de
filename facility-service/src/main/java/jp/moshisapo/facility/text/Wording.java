package jp.moshisapo.facility.text;

/**
 * Which text to say, chosen before the language is known: a field error or a refusal picks
 * {@code texts -> texts.field_email_invalid()}, and is worded in Japanese and English when answered.
 */
@FunctionalInterface
public interface Wording {

    String in(VenueTexts texts);
}
