package jp.moshisapo.facility.problem;

import java.util.List;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.problem.BilingualProblem;
import jp.moshisapo.problem.InvalidField;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Problems;
import jp.moshisapo.facility.text.VenueTexts;
import jp.moshisapo.facility.text.Wording;

/**
 * The refusals of this service, worded from its texts ({@link VenueTexts}) in both languages;
 * the shared mappers answer them as problem+json in the caller's language.
 */
public final class Refusals {

    private Refusals() {
    }

    /** 400 with the given per-field errors. */
    public static ProblemException invalid(List<FieldProblem> errors) {
        return ProblemException.invalid(errors.stream()
                .map(error -> InvalidField.of(error.field(), Texts.bilingual(error.message())))
                .toList());
    }

    public static ProblemException invalid(FieldProblem error) {
        return invalid(List.of(error));
    }

    /** 404 saying what was not found (a venue, a code…). */
    public static ProblemException notFound(Wording detail) {
        return ProblemException.notFound(Texts.bilingual(detail));
    }

    /** 401 for a venue's management request without its token: a venue has a link, not a login. */
    public static ProblemException unauthorized() {
        return new ProblemException(new BilingualProblem(401, "unauthorized",
                Texts.bilingual(VenueTexts::problem_unauthorized_title),
                Texts.bilingual(VenueTexts::problem_unauthorized_detail)))
                .withHeader("WWW-Authenticate", "Bearer");
    }

    /** 503: something this request depends on (the audit log) cannot be written now. */
    public static ProblemException unavailable(Wording detail) {
        return new ProblemException(Problems.unavailable().withDetail(Texts.bilingual(detail)));
    }
}
