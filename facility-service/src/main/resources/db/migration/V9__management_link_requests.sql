-- 「管理用リンクを再送する」: who asked when, by a hash of the address (registered or not), for the limit per address.
-- Rows older than a day are deleted by the next request.
CREATE TABLE facility.link_requests (
    address_key  bytea       NOT NULL CHECK (octet_length(address_key) = 32),
    requested_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX link_requests_address ON facility.link_requests (address_key, requested_at);
CREATE INDEX link_requests_age ON facility.link_requests (requested_at);

-- Venues are found by their address, compared without case.
CREATE INDEX facilities_email ON facility.facilities (lower(email));
