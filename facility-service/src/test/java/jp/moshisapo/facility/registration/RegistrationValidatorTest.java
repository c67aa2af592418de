package jp.moshisapo.facility.registration;

import jp.moshisapo.facility.venue.RoomNames;
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
import java.util.stream.Collectors;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.problem.FieldError;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.ProblemException;
import org.junit.jupiter.api.Test;

class RegistrationValidatorTest {

    static RegistrationRequest valid() {
        return new RegistrationRequest("FOOD_SERVICE", "UP_TO_50", "盛岡もしサポ食堂", "020-8570", "岩手県盛岡市内丸",
                "10-1", "019-629-5487", "shop@example.jp", true, false, List.of("1階 客席", "2階 座敷"));
    }

    private static Map<String, String> errors(RegistrationRequest request) {
        ProblemException problem = assertThrows(ProblemException.class, () -> RegistrationValidator.validate(request));
        return problem.problem().in(Language.JA, null).errors().stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    /** The Japanese message the venue reads for {@code key}. */
    private static String ja(String key, Object... args) {
        return Texts.bilingual(key, args).ja();
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
                "businessType", ja("field.businessType.required"),
                "scale", ja("field.scale.required"),
                "name", ja("field.name.required"),
                "postalCode", ja("field.postalCode.required"),
                "address1", ja("field.address1.required"),
                "phone", ja("field.phone.required"),
                "email", ja("field.email.required"),
                "termsAccepted", ja("field.termsAccepted.required"),
                "rooms", ja("field.rooms.required")), errors);
    }

    @Test
    void malformedValuesAreReportedPerField() {
        Map<String, String> errors = errors(new RegistrationRequest("CASINO", "HUGE", "x".repeat(101), "12-34567",
                "盛岡市", "二行\n目", "12345", "shop@", true, false, List.of("1階", "", "１階", "y".repeat(51))));

        assertEquals(ja("field.businessType.required"), errors.get("businessType"));
        assertEquals(ja("field.scale.required"), errors.get("scale"));
        assertEquals(ja("field.too-long", RegistrationValidator.MAX_NAME), errors.get("name"));
        assertEquals(ja("field.postalCode.invalid"), errors.get("postalCode"));
        assertEquals(ja("field.control-characters"), errors.get("address2"));
        assertEquals(ja("field.phone.invalid"), errors.get("phone"));
        assertEquals(ja("field.email.invalid"), errors.get("email"));
        assertEquals(ja("field.room.required"), errors.get("rooms[1]"));
        assertEquals(ja("field.room.duplicate"), errors.get("rooms[2]"));
        assertEquals(ja("field.too-long", RoomNames.MAX_LENGTH), errors.get("rooms[3]"));
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
            assertEquals(ja("field.phone.invalid"), errors(with("020-8570", phone)).get("phone"), phone);
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

        assertEquals(Map.of("rooms", ja("field.rooms.too-many", RoomNames.MAX_ACTIVE)), errors);
    }

    @Test
    void roomNamesMustDifferFromTheVenuesActiveRooms() {
        List<FieldProblem> errors = new ArrayList<>();
        List<String> names = RoomNames.check(List.of("Hall A", "3階"), java.util.Set.of("hall  a"), errors);

        assertEquals(List.of("3階"), names);
        assertEquals(List.of(FieldProblem.of("rooms[0]", "field.room.duplicate")), errors);
        assertTrue(RoomNames.check(Collections.emptyList(), java.util.Set.of(), new ArrayList<>()).isEmpty());
    }

    private static RegistrationRequest with(String postalCode, String phone) {
        RegistrationRequest r = valid();
        return new RegistrationRequest(r.businessType(), r.scale(), r.name(), postalCode, r.address1(), r.address2(),
                phone, r.email(), true, false, r.rooms());
    }
}
