package jp.moshisapo.notification.visit;

/** What became of a batch of visit events. */
public record IngestResult(int stored, int duplicates, int erased, int malformed, int outOfRange) {
}
