package jp.moshisapo.checkin.processing;

/** A batch of webhook events could not be processed; it is rolled back and processed again. */
public class BatchFailedException extends RuntimeException {

    public BatchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
