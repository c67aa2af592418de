package jp.moshisapo.linesim.webhook;

/**
 * A webhook body exactly as LINE would post it, with its {@code X-Line-Signature}, for a caller that posts it
 * itself (a load generator with its own HTTP client). Its reply token is live from the moment it is made.
 */
public record SignedWebhook(byte[] body, String signature) {
}
