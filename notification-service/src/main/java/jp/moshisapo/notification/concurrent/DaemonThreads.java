package jp.moshisapo.notification.concurrent;

import java.util.concurrent.ThreadFactory;

/** The service's own threads: named for thread dumps and profiles, daemons so they never hold up a shutdown. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static Thread of(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        return t;
    }

    public static ThreadFactory named(String name) {
        return work -> of(work, name);
    }
}
