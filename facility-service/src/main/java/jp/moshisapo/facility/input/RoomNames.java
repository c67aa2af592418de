package jp.moshisapo.facility.input;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.text.VenueTexts;

/**
 * Room / floor / table names: one code each (the seed asks for a code per room where 3密 conditions overlap).
 * Names must differ within a venue, or the staff could not tell two posters apart.
 */
public final class RoomNames {

    public static final int MAX_LENGTH = 50;
    /** Most codes one venue may hold at once; also the largest all-posters PDF. */
    public static final int MAX_ACTIVE = 100;

    private RoomNames() {
    }

    /**
     * The trimmed names, or the errors added to {@code errors} ({@code rooms} or {@code rooms[i]}).
     *
     * @param taken names of the venue's active codes, which new names must not repeat
     */
    public static List<String> check(List<String> rooms, Set<String> taken, List<FieldProblem> errors) {
        if (rooms == null || rooms.isEmpty()) {
            errors.add(FieldProblem.of("rooms", VenueTexts::field_rooms_required));
            return List.of();
        }
        if (rooms.size() + taken.size() > MAX_ACTIVE) {
            errors.add(FieldProblem.of("rooms", t -> t.field_rooms_too_many(MAX_ACTIVE)));
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        taken.forEach(name -> seen.add(comparable(name)));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            String field = "rooms[" + i + "]";
            Optional<String> name = TextField.required(field, rooms.get(i), VenueTexts::field_room_required,
                    MAX_LENGTH, errors);
            if (name.isPresent() && !seen.add(comparable(name.get()))) {
                errors.add(FieldProblem.of(field, VenueTexts::field_room_duplicate));
            } else {
                name.ifPresent(names::add);
            }
        }
        return names;
    }

    /** 「１階」 and 「1階」, 「Hall A」 and 「hall a」 are the same room to a person. */
    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
