-- Venue search for staff (issue #17): a normalised search text per venue, its character pairs (bigrams) in a GIN
-- index, and the municipality derived from the address. Everything is computed by the database itself in
-- generated columns, from IMMUTABLE functions: existing venues get their columns when this migration runs, new
-- ones on insert, and the query normalises what staff type with the very same function, so the two never drift.

-- What both sides of a search are compared in: NFKC (full-width Latin and digits, half-width kana and the like
-- become one form), case folded, katakana folded to hiragana (ヵ and ヶ, written for か and け in place names such
-- as 金ケ崎町, fold to full-size kana), all white space removed ("もしサポ 食堂" finds "もしサポ食堂").
CREATE FUNCTION facility.search_form(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT regexp_replace(
            translate(lower(normalize(value, NFKC)),
                'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶゕゖ',
                'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔかけかけ'),
            '[[:space:]]', '', 'g')
    $$;

-- The distinct pairs of neighbouring characters of a text. A venue matches a query only if its pairs contain all
-- the query's pairs (GIN "@>"), which narrows 100,000 venues to a handful before the exact substring check.
-- Pairs, not trigrams: Japanese names are short, and pg_trgm ignores non-ASCII letters under the C locale.
CREATE FUNCTION facility.bigrams(value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT coalesce(array_agg(DISTINCT substr(value, i, 2)), '{}')
        FROM generate_series(1, char_length(value) - 1) AS i
    $$;

-- The municipality (市区町村) an address names, or NULL when none can be read. The address is first put in
-- search form's NFKC (without the kana folding, so the name keeps its script); then
--   1. the prefecture, when written, is skipped (the 47 names are listed: a pattern like "..県" could eat a town);
--   2. a county (郡), when written and followed by a town or village, is skipped: 紫波郡紫波町 → 紫波町;
--   3. the municipality is the shortest run ending in 市, 区, 町 or 村 that is not followed by another 市, 町 or 村,
--      so 四日市市, 大町市 and 十日町市 are read whole; a designated city's ward is dropped (仙台市青葉区 → 仙台市),
--      and Tokyo's special wards are municipalities (千代田区).
-- Names in which 村 or 町 is followed by other characters before the suffix (東村山市, 羽村市, 大村市, 田村市,
-- 玉村町, 上市町) would be cut short by rule 3; they are listed first. Every municipality of Iwate is read
-- correctly by the rules (FacilitySearchIT checks all 33).
CREATE FUNCTION facility.municipality(address text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT coalesce(
            substring(rest FROM '^(東村山市|武蔵村山市|羽村市|大村市|田村市|玉村町|上市町|野々市市|廿日市市)'),
            substring(rest FROM '^(.+?[市区町村])(?![市町村])'))
        FROM (SELECT regexp_replace(regexp_replace(
                     regexp_replace(normalize(address, NFKC), '[[:space:]]', '', 'g'),
                     '^(北海道|東京都|京都府|大阪府|(青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)', ''),
                 '^([^市区町村郡]{1,5}郡)(?=[^市区]{1,6}[町村])', '') AS rest) AS a
    $$;

-- One venue's search text: name, address, postal code and phone digits, each in search form. chr(10) between the
-- parts: no query holds a line break (white space is removed), so no match spans two parts.
CREATE FUNCTION facility.venue_search_text(name text, address text, postal_code text, phone text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT facility.search_form(name) || chr(10) || facility.search_form(address) || chr(10) || postal_code
            || chr(10) || regexp_replace(normalize(phone, NFKC), '[^0-9]', '', 'g')
    $$;

-- A generated column cannot read another, so the pairs are computed from the same expression.
ALTER TABLE facility.facilities
    ADD COLUMN search_text text GENERATED ALWAYS AS (
        facility.venue_search_text(name, address1 || address2, postal_code::text, phone)) STORED,
    ADD COLUMN search_grams text[] GENERATED ALWAYS AS (facility.bigrams(
        facility.venue_search_text(name, address1 || address2, postal_code::text, phone))) STORED,
    ADD COLUMN municipality text GENERATED ALWAYS AS (facility.municipality(address1 || address2)) STORED;
ALTER TABLE facility.codes
    ADD COLUMN code_grams text[] GENERATED ALWAYS AS (facility.bigrams(code::text)) STORED;

CREATE INDEX facilities_search_grams ON facility.facilities USING gin (search_grams);
CREATE INDEX codes_code_grams ON facility.codes USING gin (code_grams);
-- Results are listed by name; a filter alone (all 飲食店 of 盛岡市) reads its first page straight off these.
CREATE INDEX facilities_municipality_name ON facility.facilities (municipality, name, id);
CREATE INDEX facilities_business_type_name ON facility.facilities (business_type, name, id);
CREATE INDEX facilities_name ON facility.facilities (name, id);
