package jp.moshisapo.facility.recovery;

/** The JSON of 「管理用リンクを再送する」: the address the venue registered with. */
public record LinkRecoveryRequest(String email) {
}
