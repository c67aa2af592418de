-- Time of stay (issue 17): a code's business type sets how long its visits are assumed to last, and a case given
-- in hours matches the visits whose stay overlaps its window.

-- From facility.codes.v1's optional businessType; null for records written before it (the configured default).
ALTER TABLE code_state ADD COLUMN business_type text;

-- A case fixes its rule and each code's stay (seconds, in the order of codes) when it is created, so the count
-- staff approve is the set the planner sends to even if the settings or a venue's type change meanwhile.
-- Cases from before keep the scan rule they were previewed with.
ALTER TABLE exposure_case
    ADD COLUMN match_rule text NOT NULL DEFAULT 'SCAN' CHECK (match_rule IN ('SCAN', 'STAY')),
    ADD COLUMN stay_seconds integer[];
