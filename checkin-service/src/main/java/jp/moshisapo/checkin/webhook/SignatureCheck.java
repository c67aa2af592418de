package jp.moshisapo.checkin.webhook;

import com.linecorp.bot.parser.LineSignatureValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import jp.moshisapo.checkin.config.LineConfig;

/** Verifies X-Line-Signature (Base64 HMAC-SHA256 of the raw body under the channel secret) with LINE's SDK. */
@ApplicationScoped
public class SignatureCheck {

    private final LineSignatureValidator validator;

    SignatureCheck(LineConfig line) {
        this.validator = new LineSignatureValidator(line.channelSecret().getBytes(StandardCharsets.UTF_8));
    }

    /** True only for a present signature that matches the body (compared in constant time by the SDK). */
    public boolean isValid(byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            return validator.validateSignature(body, signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
