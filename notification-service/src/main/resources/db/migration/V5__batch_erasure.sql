-- Erasure reaches batches (docs/privacy.md, delivery_batch). A resident who asks for erasure before the first
-- request of their batch is taken out of it: recipient_count is who the batch still carries, this column who was
-- taken out, so the report's "planned" (the sum of both) does not change after the fact.
ALTER TABLE delivery_batch ADD COLUMN erased_before_sending integer NOT NULL DEFAULT 0;

-- SKIPPED: every recipient of the batch asked for erasure before its first request, so no request was made.
ALTER TABLE delivery_batch DROP CONSTRAINT delivery_batch_status_check;
ALTER TABLE delivery_batch ADD CONSTRAINT delivery_batch_status_check
    CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED', 'UNCONFIRMED', 'SKIPPED'));

-- The batches that still hold resident keys or sealed recipients: only those of the last ~49 hours once the
-- maintenance clears older ones, so erasure's scan and the maintenance's update stay small.
CREATE INDEX delivery_batch_holding ON delivery_batch (case_id)
    WHERE resident_keys IS NOT NULL OR recipients IS NOT NULL;
