package jp.moshisapo.facility.registration;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.moshisapo.facility.mail.MailAddress;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.facility.venue.PostalCode;
import jp.moshisapo.facility.venue.RoomNames;
import jp.moshisapo.facility.venue.ScaleBand;
import jp.moshisapo.facility.venue.TextField;

/** Turns the raw form input into a {@link NewFacility}, or refuses it with every field's error at once. */
public final class RegistrationValidator {

    public static final int MAX_NAME = 100;
    public static final int MAX_ADDRESS = 100;

    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9()\\- ]+");

    private RegistrationValidator() {
    }

    public static NewFacility validate(RegistrationRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        Optional<BusinessType> businessType = choice(BusinessType.class, "businessType", request.businessType(), errors);
        Optional<ScaleBand> scale = choice(ScaleBand.class, "scale", request.scale(), errors);
        Optional<String> name = TextField.check("name", "field.name", request.name(), true, MAX_NAME, errors);
        Optional<PostalCode> postalCode = postalCode(request.postalCode(), errors);
        Optional<String> address1 = TextField.check("address1", "field.address1", request.address1(), true,
                MAX_ADDRESS, errors);
        Optional<String> address2 = TextField.check("address2", "field.address2", request.address2(), false,
                MAX_ADDRESS, errors);
        Optional<String> phone = phone(request.phone(), errors);
        Optional<String> email = email(request.email(), errors);
        if (!Boolean.TRUE.equals(request.termsAccepted())) {
            errors.add(FieldProblem.of("termsAccepted", "field.termsAccepted.required"));
        }
        List<String> rooms = RoomNames.check(request.rooms(), Set.of(), errors);
        if (!errors.isEmpty()) {
            throw Refusals.invalid(errors);
        }
        return new NewFacility(businessType.orElseThrow(), scale.orElseThrow(), name.orElseThrow(),
                postalCode.orElseThrow(), address1.orElseThrow(), address2.orElseThrow(), phone.orElseThrow(),
                email.orElseThrow(), Boolean.TRUE.equals(request.receiveNotices()), rooms);
    }

    private static <E extends Enum<E>> Optional<E> choice(Class<E> type, String field, String value,
            List<FieldProblem> errors) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        errors.add(FieldProblem.of(field, "field." + field + ".required"));
        return Optional.empty();
    }

    private static Optional<PostalCode> postalCode(String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldProblem.of("postalCode", "field.postalCode.required"));
            return Optional.empty();
        }
        Optional<PostalCode> postalCode = PostalCode.parse(value);
        if (postalCode.isEmpty()) {
            errors.add(FieldProblem.of("postalCode", "field.postalCode.invalid"));
        }
        return postalCode;
    }

    /** A Japanese number: starts with 0, 10 or 11 digits, hyphens or brackets as people write them. */
    private static Optional<String> phone(String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldProblem.of("phone", "field.phone.required"));
            return Optional.empty();
        }
        String phone = Normalizer.normalize(value, Normalizer.Form.NFKC).strip()
                .replace('ー', '-').replace('‐', '-').replace('−', '-');
        String digits = phone.replaceAll("[^0-9]", "");
        if (!PHONE_CHARACTERS.matcher(phone).matches() || !digits.startsWith("0")
                || digits.length() < 10 || digits.length() > 11) {
            errors.add(FieldProblem.of("phone", "field.phone.invalid"));
            return Optional.empty();
        }
        return Optional.of(phone);
    }

    private static Optional<String> email(String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldProblem.of("email", "field.email.required"));
            return Optional.empty();
        }
        Optional<String> email = MailAddress.parse(value);
        if (email.isEmpty()) {
            errors.add(FieldProblem.of("email", "field.email.invalid"));
        }
        return email;
    }
}
