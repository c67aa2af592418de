package jp.moshisapo.facility.registration;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import jp.moshisapo.facility.mail.MailAddress;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.facility.venue.PostalCode;
import jp.moshisapo.facility.input.RoomNames;
import jp.moshisapo.facility.venue.ScaleBand;
import jp.moshisapo.facility.input.TextField;
import jp.moshisapo.facility.text.VenueTexts;
import jp.moshisapo.facility.text.Wording;

/** Turns the raw form input into a {@link NewFacility}, or refuses it with every field's error at once. */
public final class RegistrationValidator {

    public static final int MAX_NAME = 100;
    public static final int MAX_ADDRESS = 100;

    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9()\\- ]+");

    private RegistrationValidator() {
    }

    public static NewFacility validate(RegistrationRequest request) {
        return validate(request, Refusals::invalid);
    }

    /** As {@link #validate(RegistrationRequest)}, refusing with what {@code refusal} makes of the errors. */
    static NewFacility validate(RegistrationRequest request,
            Function<List<FieldProblem>, ? extends RuntimeException> refusal) {
        List<FieldProblem> errors = new ArrayList<>();
        Optional<BusinessType> businessType = choice(BusinessType.class, "businessType", request.businessType(),
                VenueTexts::field_businessType_required, errors);
        Optional<ScaleBand> scale = choice(ScaleBand.class, "scale", request.scale(),
                VenueTexts::field_scale_required, errors);
        Optional<String> name = TextField.required("name", request.name(), VenueTexts::field_name_required, MAX_NAME,
                errors);
        Optional<PostalCode> postalCode = postalCode(request.postalCode(), errors);
        Optional<String> address1 = TextField.required("address1", request.address1(),
                VenueTexts::field_address1_required, MAX_ADDRESS, errors);
        Optional<String> address2 = TextField.optional("address2", request.address2(), MAX_ADDRESS, errors);
        Optional<String> phone = phone(request.phone(), errors);
        Optional<String> email = email(request.email(), errors);
        if (!Boolean.TRUE.equals(request.termsAccepted())) {
            errors.add(FieldProblem.of("termsAccepted", VenueTexts::field_termsAccepted_required));
        }
        List<String> rooms = RoomNames.check(request.rooms(), Set.of(), errors);
        if (!errors.isEmpty()) {
            throw refusal.apply(errors);
        }
        return new NewFacility(businessType.orElseThrow(), scale.orElseThrow(), name.orElseThrow(),
                postalCode.orElseThrow(), address1.orElseThrow(), address2.orElseThrow(), phone.orElseThrow(),
                email.orElseThrow(), Boolean.TRUE.equals(request.receiveNotices()), rooms);
    }

    private static <E extends Enum<E>> Optional<E> choice(Class<E> type, String field, String value,
            Wording whenMissing, List<FieldProblem> errors) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        errors.add(FieldProblem.of(field, whenMissing));
        return Optional.empty();
    }

    private static Optional<PostalCode> postalCode(String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldProblem.of("postalCode", VenueTexts::field_postalCode_required));
            return Optional.empty();
        }
        Optional<PostalCode> postalCode = PostalCode.parse(value);
        if (postalCode.isEmpty()) {
            errors.add(FieldProblem.of("postalCode", VenueTexts::field_postalCode_invalid));
        }
        return postalCode;
    }

    /** A Japanese number: starts with 0, 10 or 11 digits, hyphens or brackets as people write them. */
    private static Optional<String> phone(String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldProblem.of("phone", VenueTexts::field_phone_required));
            return Optional.empty();
        }
        String phone = Normalizer.normalize(value, Normalizer.Form.NFKC).strip()
                .replace('ー', '-').replace('‐', '-').replace('−', '-');
        String digits = phone.replaceAll("[^0-9]", "");
        if (!PHONE_CHARACTERS.matcher(phone).matches() || !digits.startsWith("0")
                || digits.length() < 10 || digits.length() > 11) {
            errors.add(FieldProblem.of("phone", VenueTexts::field_phone_invalid));
            return Optional.empty();
        }
        return Optional.of(phone);
    }

    private static Optional<String> email(String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldProblem.of("email", VenueTexts::field_email_required));
            return Optional.empty();
        }
        Optional<String> email = MailAddress.parse(value);
        if (email.isEmpty()) {
            errors.add(FieldProblem.of("email", VenueTexts::field_email_invalid));
        }
        return email;
    }
}
