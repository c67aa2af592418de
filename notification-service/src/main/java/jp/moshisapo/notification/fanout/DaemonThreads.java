package jp.moshisapo.notification.fanout;

import java.util.concurrent.ThreadFactory;

/** The fan-out's own threads: named for thread dumps and profiles, daemons so they never hold up a shutdown. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static Thread of(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        return t;
    }

    static ThreadFactory named(String name) {
        return work -> of(work, name);
    }
}
