-- A case can be PAUSED while sending: LINE refused its multicasts for a reason no retry can fix (the channel's
-- monthly message limit, or an expired/revoked channel access token). Its unsent batches keep their retry keys;
-- an approver resumes it (resumed_at) once the plan or the token is fixed.
ALTER TABLE exposure_case DROP CONSTRAINT exposure_case_state_check;
ALTER TABLE exposure_case ADD CONSTRAINT exposure_case_state_check
    CHECK (state IN ('DRAFT', 'SENDING', 'PAUSED', 'DONE', 'FAILED', 'CANCELLED'));
-- Why the case is paused (MONTHLY_LIMIT or CHANNEL_AUTH) and LINE's answer; kept after a resume until the next pause.
ALTER TABLE exposure_case ADD COLUMN pause_cause text CHECK (pause_cause IN ('MONTHLY_LIMIT', 'CHANNEL_AUTH'));
ALTER TABLE exposure_case ADD COLUMN pause_reason text;
ALTER TABLE exposure_case ADD COLUMN paused_at timestamptz;
-- The sending deadline counts from the last resume: time spent paused does not use it up.
ALTER TABLE exposure_case ADD COLUMN resumed_at timestamptz;
