-- A batch sent without an answer (timeout, broken connection) whose case was then cancelled: it is not sent again
-- (the kill switch wins), so whether LINE delivered it stays unknown. Reported as such, not as cancelled.
ALTER TABLE delivery_batch DROP CONSTRAINT delivery_batch_status_check;
ALTER TABLE delivery_batch ADD CONSTRAINT delivery_batch_status_check
    CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED', 'UNCONFIRMED'));
