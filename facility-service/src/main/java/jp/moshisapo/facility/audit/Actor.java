package jp.moshisapo.facility.audit;

/** Who acted: the token's subject (stable) and the user name people recognise. */
public record Actor(String subject, String name) {
}
