package jp.moshisapo.e2e.privacy;

/**
 * One form in which a resident can be found in stored data: the LINE user id itself, or a rendering of an
 * identifier derived from it.
 *
 * @param resident who it identifies (a label for messages, never the id)
 * @param form     what it is, e.g. "pseudonym (hex)"; messages name the form, never the value
 * @param bytes    the bytes to look for
 * @param text     true when the bytes are ASCII text, so they can be looked for in text columns too
 */
public record Trace(String resident, String form, byte[] bytes, boolean text) {
}
