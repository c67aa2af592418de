package jp.moshisapo.linesim.messaging;

/**
 * Whether the channel access token the services hold still works. LINE answers every call made with an expired or
 * revoked token (reissued in the console, or a stateless token past its 15 minutes) with 401 and the same body as
 * for a wrong token, so a drill revokes the token here and "reissues" it by restoring it.
 */
public final class ChannelToken {

    private volatile boolean revoked;

    public boolean revoked() {
        return revoked;
    }

    public void revoked(boolean revoked) {
        this.revoked = revoked;
    }
}
