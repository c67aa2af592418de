package jp.moshisapo.notification.audit;

/**
 * Who acted: the token's subject (stable, compared for four-eyes) and the user name people recognise. The service
 * itself acts as {@link #SYSTEM} when sending finishes or fails.
 */
public record Actor(String subject, String name) {

    public static final Actor SYSTEM = new Actor("system", "notification-service");
}
