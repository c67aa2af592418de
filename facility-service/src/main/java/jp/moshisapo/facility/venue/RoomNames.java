package jp.moshisapo.facility.venue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.moshisapo.facility.problem.FieldProblem;

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
            errors.add(FieldProblem.of("rooms", "field.rooms.required"));
            return List.of();
        }
        if (rooms.size() + taken.size() > MAX_ACTIVE) {
            errors.add(FieldProblem.of("rooms", "field.rooms.too-many", MAX_ACTIVE));
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        taken.forEach(name -> seen.add(comparable(name)));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            String field = "rooms[" + i + "]";
            TextField.check(field, "field.room", rooms.get(i), true, MAX_LENGTH, errors).ifPresent(name -> {
                if (!seen.add(comparable(name))) {
                    errors.add(FieldProblem.of(field, "field.room.duplicate"));
                } else {
                    names.add(name);
                }
            });
        }
        return names;
    }

    /** 「１階」 and 「1階」, 「Hall A」 and 「hall a」 are the same room to a person. */
    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
