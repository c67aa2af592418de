package jp.moshisapo.facility.registration;

import jp.moshisapo.facility.input.RoomNames;
import jp.moshisapo.facility.venue.ScaleBand;
import jp.moshisapo.facility.venue.BusinessType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.lang.reflect.Proxy;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.text.VenueTexts;
import org.junit.jupiter.api.Test;

class RegistrationValidatorTest {

    static RegistrationRequest valid() {
        return new RegistrationRequest("FOOD_SERVICE", "UP_TO_50", "盛岡もしサポ食堂", "020-8570", "岩手県盛岡市内丸",
                "10-1", "019-629-5487", "shop@example.jp", true, false, List.of("1階 客席", "2階 座敷"));
    }

    /** Each rejected field with the text chosen for it, as {@link #said} writes it. */
    private static Map<String, String> errors(RegistrationRequest request) {
        Refused refused = assertThrows(Refused.class, () -> RegistrationValidator.validate(request, Refused::new));
        return refused.errors.stream()
                .collect(Collectors.toMap(FieldProblem::field, error -> error.message().in(TEXT_NAMES)));
    }

    /** Names the text a wording picks, with its arguments: {@code field_too_long(100)}. */
    private static final VenueTexts TEXT_NAMES = (VenueTexts) Proxy.newProxyInstance(VenueTexts.class.getClassLoader(),
            new Class<?>[] {VenueTexts.class}, (proxy, method, args) -> said(method.getName(),
                    args == null ? new Object[0] : args));

    private static String said(String text, Object... args) {
        return args.length == 0 ? text
                : text + Stream.of(args).map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    private static final class Refused extends RuntimeException {
        final List<FieldProblem> errors;

        Refused(List<FieldProblem> errors) {
            super("refused", null, false, false);
            this.errors = errors;
        }
    }

    @Test
    void aCompleteFormIsAcceptedWithTheValuesAsTheVenueTypedThem() {
        NewFacility facility = RegistrationValidator.validate(valid());

        assertEquals(BusinessType.FOOD_SERVICE, facility.businessType());
        assertEquals(ScaleBand.UP_TO_50, facility.scale());
        assertEquals("0208570", facility.postalCode().digits());
        assertEquals("020-8570", facility.postalCode().display());
        assertEquals(List.of("1階 客席", "2階 座敷"), facility.rooms());
        assertFalse(facility.receiveNotices());
    }

    @Test
    void everyFieldLeftEmptyIsReportedAtOnce() {
        Map<String, String> errors = errors(new RegistrationRequest(null, "", " ", "", "", null, "", "", null, null,
                null));

        assertEquals(Map.of(
                "businessType", said("field_businessType_required"),
                "scale", said("field_scale_required"),
                "name", said("field_name_required"),
                "postalCode", said("field_postalCode_required"),
                "address1", said("field_address1_required"),
                "phone", said("field_phone_required"),
                "email", said("field_email_required"),
                "termsAccepted", said("field_termsAccepted_required"),
                "rooms", said("field_rooms_required")), errors);
    }

    @Test
    void malformedValuesAreReportedPerField() {
        Map<String, String> errors = errors(new RegistrationRequest("CASINO", "HUGE", "x".repeat(101), "12-34567",
                "盛岡市", "二行\n目", "12345", "shop@", true, false, List.of("1階", "", "１階", "y".repeat(51))));

        assertEquals(said("field_businessType_required"), errors.get("businessType"));
        assertEquals(said("field_scale_required"), errors.get("scale"));
        assertEquals(said("field_too_long", RegistrationValidator.MAX_NAME), errors.get("name"));
        assertEquals(said("field_postalCode_invalid"), errors.get("postalCode"));
        assertEquals(said("field_control_characters"), errors.get("address2"));
        assertEquals(said("field_phone_invalid"), errors.get("phone"));
        assertEquals(said("field_email_invalid"), errors.get("email"));
        assertEquals(said("field_room_required"), errors.get("rooms[1]"));
        assertEquals(said("field_room_duplicate"), errors.get("rooms[2]"));
        assertEquals(said("field_too_long", RoomNames.MAX_LENGTH), errors.get("rooms[3]"));
        assertFalse(errors.containsKey("address1"));
        assertFalse(errors.containsKey("rooms[0]"));
    }

    @Test
    void postalCodesAndPhoneNumbersAreReadAsPeopleTypeThem() {
        for (String postal : List.of("0208570", "020-8570", "〒020-8570", "０２０－８５７０", " 020ー8570 ")) {
            assertEquals("0208570", RegistrationValidator.validate(with(postal, "019-629-5487")).postalCode().digits(),
                    postal);
        }
        for (String phone : List.of("0196295487", "(019) 629-5487", "０１９－６２９－５４８７", "090-1234-5678")) {
            RegistrationValidator.validate(with("020-8570", phone));
        }
        for (String phone : List.of("19-629-5487", "019-629-54", "019-629-5487 内線12", "+81-19-629-5487")) {
            assertEquals(said("field_phone_invalid"), errors(with("020-8570", phone)).get("phone"), phone);
        }
    }

    @Test
    void moreThanAHundredRoomsAreRefused() {
        List<String> rooms = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            rooms.add("テーブル " + i);
        }
        RegistrationRequest request = valid();
        Map<String, String> errors = errors(new RegistrationRequest(request.businessType(), request.scale(),
                request.name(), request.postalCode(), request.address1(), request.address2(), request.phone(),
                request.email(), true, false, rooms));

        assertEquals(Map.of("rooms", said("field_rooms_too_many", RoomNames.MAX_ACTIVE)), errors);
    }

    @Test
    void roomNamesMustDifferFromTheVenuesActiveRooms() {
        List<FieldProblem> errors = new ArrayList<>();
        List<String> names = RoomNames.check(List.of("Hall A", "3階"), java.util.Set.of("hall  a"), errors);

        assertEquals(List.of("3階"), names);
        assertEquals(List.of("rooms[0]"), errors.stream().map(FieldProblem::field).toList());
        assertEquals("field_room_duplicate", errors.get(0).message().in(TEXT_NAMES));
        assertTrue(RoomNames.check(Collections.emptyList(), java.util.Set.of(), new ArrayList<>()).isEmpty());
    }

    private static RegistrationRequest with(String postalCode, String phone) {
        RegistrationRequest r = valid();
        return new RegistrationRequest(r.businessType(), r.scale(), r.name(), postalCode, r.address1(), r.address2(),
                phone, r.email(), true, false, r.rooms());
    }
}
