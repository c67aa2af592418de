package jp.moshisapo.facility.code;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import jp.moshisapo.protocol.code.InvalidCodeException;
import jp.moshisapo.protocol.code.PrintedCode;

/** Finds an active code from however a person typed it; revoked, unknown and mistyped codes are all "none". */
@ApplicationScoped
public class ActiveCodes {

    private final CodeRepository codes;

    ActiveCodes(CodeRepository codes) {
        this.codes = codes;
    }

    public Optional<RegisteredCode> find(String typed) {
        PrintedCode code;
        try {
            code = PrintedCode.parse(typed);
        } catch (InvalidCodeException e) {
            return Optional.empty();
        }
        return codes.findWithFacility(code).filter(found -> found.code().active());
    }
}
