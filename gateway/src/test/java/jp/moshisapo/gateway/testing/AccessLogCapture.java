package jp.moshisapo.gateway.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Collects what the gateway writes to the access log category, with each line's MDC request id. */
public final class AccessLogCapture extends Handler implements AutoCloseable {

    /** One access log line and the request id the log context carried when it was written. */
    public record Line(String message, String mdcRequestId) {
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private AccessLogCapture(Logger logger) {
        this.logger = logger;
    }

    public static AccessLogCapture attach(String category) {
        AccessLogCapture capture = new AccessLogCapture(Logger.getLogger(category));
        capture.logger.addHandler(capture);
        return capture;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        String mdc = record instanceof ExtLogRecord ext ? ext.getMdc("requestId") : null;
        lines.add(new Line(record.getMessage(), mdc));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
