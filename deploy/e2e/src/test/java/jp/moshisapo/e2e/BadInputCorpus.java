package jp.moshisapo.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.moshisapo.linesim.webhook.WebhookSigner;

/**
 * The generated bad-input corpus: every public endpoint of the gateway crossed with hostile values (SQL and
 * script injection, path traversal, control characters, oversized text), wrong JSON types, and broken bodies
 * (invalid UTF-8, JSON bombs, deep nesting, truncated or non-JSON documents). Every probe is built to be invalid
 * by the endpoint's own rules, so the only right answer is a refusal.
 */
final class BadInputCorpus {

    /** What a probe must get back. */
    enum Expect {
        /** 4xx application/problem+json. */
        PROBLEM,
        /** 4xx problem+json, or the endpoint's HTML error page (pages and QR links are opened by people). */
        PAGE_OR_PROBLEM,
        /** The HTML page itself (200): a hostile query string changes nothing and is never echoed as markup. */
        PAGE,
        /**
         * A path with dot segments lands wherever the gateway's canonical path leads (often a page of the site):
         * a refusal as above, or an HTML page, never a file from outside the site.
         */
        SAFE_LANDING
    }

    /** One request of the corpus. */
    record Probe(String endpoint, String what, String method, String path, Map<String, String> headers,
            byte[] body, Expect expect) {
    }

    /** What the corpus needs to know about the running system: a real venue, real tokens, the channel secret. */
    record Context(Venue venue, String staffToken, String approverToken, long draftCaseId, String channelSecret,
            LocalDate today) {
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE facility.facilities; --",
            "1' UNION SELECT table_name FROM information_schema.tables --",
            "1; SELECT pg_sleep(10); --",
            "\" OR \"\"=\"",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "${jndi:ldap://127.0.0.1:1389/a}",
            "{{7*7}}${7*7}#{7*7}",
            "%{(#_='multipart/form-data')}",
            "$(touch /tmp/pwned)`id`");

    /** Path segments as an attacker types them into a URL (already in URL syntax, sent as they are). */
    static final List<String> TRAVERSALS = List.of(
            "..", "../..", "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e", "%2e%2e%2f%2e%2e%2fadmin",
            "..%252f..%252fetc%252fpasswd", "..;", "..;foo=bar", "%00", "ABCDEFGHJ%00.png", "%c0%ae%c0%ae%c0%af",
            "%ff%fe", "....//....//etc", "..%5c..%5cwindows", "%5c..%5c", "%e3%81", "~root", ".git%2fconfig");

    /** Text no field accepts: control characters, line breaks, and far more than any limit. */
    static final List<String> ODD_TEXT = List.of(
            "\u0000", "a\u0000b", "line1\nline2", "tab\there", "a\u2028b", "\u001b[31mred", "あ".repeat(101),
            "A".repeat(10_000));

    /** JSON values of the wrong type for a text, list or flag field (raw JSON). */
    static final List<String> WRONG_TYPES = List.of(
            "12345", "-1", "1.5e308", "true", "[]", "{}", "[\"a\",{}]", "{\"$ne\":null}", "[[[[[[]]]]]]");

    private final Context context;
    private final List<Probe> probes = new ArrayList<>();

    private BadInputCorpus(Context context) {
        this.context = context;
    }

    static List<Probe> generate(Context context) {
        BadInputCorpus corpus = new BadInputCorpus(context);
        corpus.registration();
        corpus.pages();
        corpus.management();
        corpus.codeImagesAndCheckInLinks();
        corpus.lineWebhook();
        corpus.staffCases();
        corpus.staffLookups();
        return corpus.probes;
    }

    // --- venue registration (the web form posts this JSON) ---

    private void registration() {
        String endpoint = "POST /api/facilities";
        for (String field : List.of("businessType", "scale", "postalCode", "phone", "email")) {
            for (String value : hostileText()) {
                json(endpoint, field + "=" + shorten(value), "/api/facilities", null,
                        registrationWith(field, text(value)));
            }
        }
        for (String field : List.of("name", "address1", "address2")) {
            for (String value : ODD_TEXT) {
                json(endpoint, field + "=" + shorten(value), "/api/facilities", null,
                        registrationWith(field, text(value)));
            }
        }
        for (String value : ODD_TEXT) {
            json(endpoint, "rooms[0]=" + shorten(value), "/api/facilities", null,
                    registrationWith("rooms", "[" + text(value) + "]"));
        }
        for (String field : List.of("businessType", "scale", "name", "postalCode", "address1", "address2", "phone",
                "email", "termsAccepted", "rooms")) {
            for (String value : WRONG_TYPES) {
                if (!(field.equals("termsAccepted") && value.equals("true"))) {
                    json(endpoint, field + " as " + value, "/api/facilities", null, registrationWith(field, value));
                }
            }
        }
        for (String rooms : List.of("[]", "[null]", "[\"\"]", "[1,2,3]", "[[\"客席\"]]", "[{\"name\":\"客席\"}]",
                manyRooms(1_000), "[\"客席\",\"客席\"]")) {
            json(endpoint, "rooms=" + shorten(rooms), "/api/facilities", null, registrationWith("rooms", rooms));
        }
        json(endpoint, "termsAccepted=false", "/api/facilities", null, registrationWith("termsAccepted", "false"));
        json(endpoint, "termsAccepted missing", "/api/facilities", null,
                registrationWithout("termsAccepted"));
        brokenBodies(endpoint, "/api/facilities", null, validRegistration());
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
                "multipart/form-data; boundary=x")) {
            add(endpoint, "Content-Type " + type, "POST", "/api/facilities", Map.of("Content-Type", type),
                    formOf(validRegistration()).getBytes(UTF_8), Expect.PROBLEM);
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            add(method + " /api/facilities", "method", method, "/api/facilities", jsonType(),
                    validRegistration().getBytes(UTF_8), Expect.PROBLEM);
        }
    }

    // --- the form's pages: hostile query strings never come back as markup ---

    private void pages() {
        for (String page : List.of("/", "/terms", "/manage")) {
            for (String value : INJECTIONS) {
                add("GET " + page, "lang=" + value, "GET", page + "?lang=" + encode(value) + "&q=" + encode(value),
                        Map.of("Accept-Language", "ja"), null, Expect.PAGE);
            }
        }
        for (String segment : TRAVERSALS) {
            add("GET /{page}", "path " + segment, "GET", "/" + segment, Map.of(), null, Expect.PAGE_OR_PROBLEM);
            add("GET /assets/{file}", "path " + segment, "GET", "/assets/" + segment, Map.of(), null,
                    Expect.PAGE_OR_PROBLEM);
        }
    }

    // --- a venue's own API, with its real management token ---

    private void management() {
        Venue venue = context.venue();
        Map<String, String> token = bearer(venue.managementToken());
        for (String id : badSegments()) {
            add("GET /api/facilities/{id}", "id " + shorten(id), "GET", "/api/facilities/" + id, token, null,
                    Expect.PROBLEM);
            add("GET /api/facilities/{id}/posters.pdf", "id " + shorten(id), "GET",
                    "/api/facilities/" + id + "/posters.pdf", token, null, Expect.PROBLEM);
            add("POST /api/facilities/{id}/codes/{code}/revoke", "code " + shorten(id), "POST",
                    "/api/facilities/" + venue.id() + "/codes/" + id + "/revoke", token, null, Expect.PROBLEM);
        }
        for (String authorization : badAuthorizations()) {
            add("GET /api/facilities/{id}", "Authorization " + shorten(authorization), "GET",
                    "/api/facilities/" + venue.id(), authorization.isEmpty() ? Map.of()
                            : Map.of("Authorization", authorization), null, Expect.PROBLEM);
            add("POST /api/facilities/{id}/rooms", "Authorization " + shorten(authorization), "POST",
                    "/api/facilities/" + venue.id() + "/rooms", authorization.isEmpty() ? jsonType()
                            : Map.of("Authorization", authorization, "Content-Type", "application/json"),
                    "{\"rooms\":[\"追加の部屋\"]}".getBytes(UTF_8), Expect.PROBLEM);
        }
        String rooms = "/api/facilities/" + venue.id() + "/rooms";
        String endpoint = "POST /api/facilities/{id}/rooms";
        for (String value : ODD_TEXT) {
            json(endpoint, "rooms[0]=" + shorten(value), rooms, venue.managementToken(),
                    "{\"rooms\":[" + text(value) + "]}");
        }
        for (String value : WRONG_TYPES) {
            json(endpoint, "rooms as " + value, rooms, venue.managementToken(), "{\"rooms\":" + value + "}");
        }
        json(endpoint, "too many rooms", rooms, venue.managementToken(), "{\"rooms\":" + manyRooms(1_000) + "}");
        brokenBodies(endpoint, rooms, venue.managementToken(), "{\"rooms\":[\"追加の部屋\"]}");
    }

    // --- what the poster's QR leads to, and the code's images ---

    private void codeImagesAndCheckInLinks() {
        List<String> codes = new ArrayList<>(badSegments());
        codes.addAll(List.of("ABCD-EFGH-J", "0000-0000-0", "ILOU-ILOU-I", withWrongCheckCharacter(
                Venue.canonical(context.venue().code())), "A".repeat(2_000)));
        for (String code : codes) {
            for (String file : List.of("qr.png", "qr.svg", "poster.pdf")) {
                add("GET /api/codes/{code}/" + file, "code " + shorten(code), "GET",
                        "/api/codes/" + code + "/" + file, Map.of(), null, Expect.PROBLEM);
            }
            add("GET /c/{code}", "code " + shorten(code), "GET", "/c/" + code + "?lang=" + encode(INJECTIONS.get(5)),
                    Map.of(), null, Expect.PAGE_OR_PROBLEM);
        }
    }

    /** The real code with another check character: 'X', unless 'X' is the real one (1 code in 32). */
    private static String withWrongCheckCharacter(String canonicalCode) {
        char wrong = canonicalCode.charAt(8) == 'X' ? 'Y' : 'X';
        return canonicalCode.substring(0, 8) + wrong;
    }

    // --- the LINE webhook: correctly signed, so the body itself is what gets judged ---

    private void lineWebhook() {
        List<String> envelopes = new ArrayList<>(List.of(
                "{}", "[]", "null", "{\"events\":null}", "{\"events\":{}}", "{\"events\":\"x\"}", "{\"events\":[1]}",
                "{\"events\":[[]]}", "{\"events\":[{}]}", "{\"events\":[{\"type\":1,\"webhookEventId\":\"x\"}]}",
                "{\"events\":[{\"type\":\"message\"}]}", "{\"events\":[{\"type\":\"message\",\"webhookEventId\":\"\"}]}",
                "{\"events\":[{\"type\":\"message\",\"webhookEventId\":{\"$ne\":1}}]}",
                "{\"events\":[]} trailing", "{\"events\":[]}{\"events\":[]}"));
        INJECTIONS.forEach(envelopes::add);
        for (String body : envelopes) {
            signed("envelope " + shorten(body), body.getBytes(UTF_8));
        }
        // "events" first and a string right after it: every breakage below lands in what the envelope check reads
        for (Map.Entry<String, byte[]> broken : brokenDocuments(
                "{\"events\":[{\"type\":\"follow\",\"webhookEventId\":\"01CORPUS\"}],\"destination\":\"U0\"}")
                .entrySet()) {
            signed(broken.getKey(), broken.getValue());
        }
        signed("2 MB of events", ("{\"events\":[" + "{\"type\":\"unknown\",\"webhookEventId\":\"x\"},".repeat(50_000)
                + "{}]}").getBytes(UTF_8));
    }

    // --- the staff admin API, with valid tokens ---

    private void staffCases() {
        String endpoint = "POST /admin/cases";
        String code = context.venue().code();
        String today = context.today().toString();
        for (String value : hostileText()) {
            json(endpoint, "codes[0]=" + shorten(value), "/admin/cases", context.staffToken(),
                    caseWith(List.of(text(value)), List.of(json(today)), null));
            json(endpoint, "dates[0]=" + shorten(value), "/admin/cases", context.staffToken(),
                    caseWith(List.of(json(code)), List.of(text(value)), null));
            json(endpoint, "window.from=" + shorten(value), "/admin/cases", context.staffToken(),
                    caseWith(List.of(json(code)), null, "{\"from\":" + text(value) + ",\"to\":\"" + today
                            + "T23:00\"}"));
        }
        for (String field : List.of("codes", "dates", "window", "message", "extraText", "note")) {
            for (String value : WRONG_TYPES) {
                ObjectNode body = (ObjectNode) parse(caseWith(List.of(json(code)), List.of(json(today)), null));
                body.set(field, parse(value));
                json(endpoint, field + " as " + value, "/admin/cases", context.staffToken(), body.toString());
            }
        }
        for (String extra : List.of("\"note\":" + text("n".repeat(501)), "\"extraText\":" + text("x".repeat(1_001)),
                "\"message\":" + text("m".repeat(5_001)), "\"$where\":\"1==1\"", "\"state\":\"APPROVED\"",
                "\"approvedBy\":\"staff1\"")) {
            String body = caseWith(List.of(json(code)), List.of(json(today)), null);
            json(endpoint, "with " + shorten(extra), "/admin/cases", context.staffToken(),
                    body.substring(0, body.length() - 1) + "," + extra + "}");
        }
        json(endpoint, "codes: 101", "/admin/cases", context.staffToken(),
                caseWith(Collections.nCopies(101, json(code)), List.of(json(today)), null));
        json(endpoint, "window of 40 days", "/admin/cases", context.staffToken(), caseWith(List.of(json(code)),
                null, "{\"from\":\"" + context.today().minusDays(40) + "T00:00\",\"to\":\"" + today + "T00:00\"}"));
        json(endpoint, "window ends before it starts", "/admin/cases", context.staffToken(),
                caseWith(List.of(json(code)), null, "{\"from\":\"" + today + "T12:00\",\"to\":\"" + today
                        + "T11:00\"}"));
        brokenBodies(endpoint, "/admin/cases", context.staffToken(),
                caseWith(List.of(json(code)), List.of(json(today)), null));
        for (String id : badSegments()) {
            add("GET /admin/cases/{id}", "id " + shorten(id), "GET", "/admin/cases/" + id,
                    bearer(context.staffToken()), null, Expect.PROBLEM);
            add("GET /admin/cases/{id}/report", "id " + shorten(id), "GET", "/admin/cases/" + id + "/report",
                    bearer(context.staffToken()), null, Expect.PROBLEM);
            add("POST /admin/cases/{id}/approve", "id " + shorten(id), "POST", "/admin/cases/" + id + "/approve",
                    bearer(context.approverToken()), null, Expect.PROBLEM);
            add("POST /admin/cases/{id}/cancel", "id " + shorten(id), "POST", "/admin/cases/" + id + "/cancel",
                    bearer(context.staffToken()), null, Expect.PROBLEM);
        }
        for (String value : INJECTIONS) {
            for (String query : List.of("state=", "limit=", "before=")) {
                add("GET /admin/cases", query + shorten(value), "GET", "/admin/cases?" + query + encode(value),
                        bearer(context.staffToken()), null, Expect.PROBLEM);
            }
            for (String query : List.of("caseId=", "limit=", "before=")) {
                add("GET /admin/audit", query + shorten(value), "GET", "/admin/audit?" + query + encode(value),
                        bearer(context.approverToken()), null, Expect.PROBLEM);
            }
        }
        for (String limit : List.of("-1", "0", "100000", "99999999999999999999", "1e3", "ten")) {
            add("GET /admin/cases", "limit=" + limit, "GET", "/admin/cases?limit=" + limit,
                    bearer(context.staffToken()), null, Expect.PROBLEM);
            add("GET /admin/audit", "limit=" + limit, "GET", "/admin/audit?limit=" + limit,
                    bearer(context.approverToken()), null, Expect.PROBLEM);
        }
        add("POST /admin/cases/{id}/approve", "staff without the approver role", "POST",
                "/admin/cases/" + context.draftCaseId() + "/approve", bearer(context.staffToken()), null,
                Expect.PROBLEM);
        add("GET /admin/audit", "staff without the approver role", "GET", "/admin/audit",
                bearer(context.staffToken()), null, Expect.PROBLEM);
    }

    private void staffLookups() {
        for (String code : badSegments()) {
            add("GET /admin/codes/{code}", "code " + shorten(code), "GET", "/admin/codes/" + code,
                    bearer(context.staffToken()), null, Expect.PROBLEM);
        }
        for (String authorization : badAuthorizations()) {
            add("GET /admin/cases", "Authorization " + shorten(authorization), "GET", "/admin/cases",
                    authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization), null,
                    Expect.PROBLEM);
            add("GET /admin/codes/{code}", "Authorization " + shorten(authorization), "GET",
                    "/admin/codes/" + context.venue().code(), authorization.isEmpty() ? Map.of()
                            : Map.of("Authorization", authorization), null, Expect.PROBLEM);
        }
    }

    // --- building blocks ---

    /** Every hostile string, for fields with a fixed format. */
    private static List<String> hostileText() {
        List<String> all = new ArrayList<>(INJECTIONS);
        all.addAll(TRAVERSALS);
        all.addAll(ODD_TEXT);
        return all;
    }

    /** Path segments: traversal as typed, and every injection percent-encoded as a browser would send it. */
    private static List<String> badSegments() {
        List<String> all = new ArrayList<>(TRAVERSALS);
        INJECTIONS.forEach(value -> all.add(encode(value)));
        all.addAll(List.of("-1", "0", "99999999999999999999", "1e3", "0x10", encode("あ".repeat(30))));
        return all;
    }

    private static List<String> badAuthorizations() {
        return List.of("", "Bearer", "Bearer ", "Basic c3RhZmYxOnN0YWZmMQ==", "Bearer ' OR '1'='1",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdGFmZjEiLCJyZWFsbV9hY2Nlc3MiOnsicm9sZXMiOlsic3RhZmYiXX19.",
                "Bearer " + "A".repeat(6_000), "bearer x.y.z");
    }

    /** Broken documents of every kind, each as its own probe on a JSON endpoint. */
    private void brokenBodies(String endpoint, String path, String token, String valid) {
        for (Map.Entry<String, byte[]> broken : brokenDocuments(valid).entrySet()) {
            add(endpoint, broken.getKey(), "POST", path, token == null ? jsonType() : jsonWithToken(token),
                    broken.getValue(), Expect.PROBLEM);
        }
    }

    /**
     * Broken variants of a valid document: empty, not JSON, truncated, invalid UTF-8 (in its first string value),
     * deep nesting, JSON bombs, oversized. (UTF-16 is left out: Jackson reads it by its byte order mark, as the
     * first JSON RFC allowed.)
     */
    private static Map<String, byte[]> brokenDocuments(String document) {
        Map<String, byte[]> broken = new LinkedHashMap<>();
        broken.put("empty body", new byte[0]);
        broken.put("whitespace", " \n\t ".getBytes(UTF_8));
        broken.put("not JSON", "businessType=FOOD_SERVICE&name=x".getBytes(UTF_8));
        broken.put("truncated", document.substring(0, document.length() / 2).getBytes(UTF_8));
        broken.put("single quotes", document.replace('"', '\'').getBytes(UTF_8));
        broken.put("JSON string", "\"{}\"".getBytes(UTF_8));
        broken.put("JSON number", "42".getBytes(UTF_8));
        broken.put("JSON null", "null".getBytes(UTF_8));
        broken.put("JSON array", ("[" + document + "]").getBytes(UTF_8));
        broken.put("comment", ("/* x */" + document).getBytes(UTF_8));
        broken.put("NaN", document.replaceFirst(":", ":NaN,\"x\":").getBytes(UTF_8));
        broken.put("trailing garbage", (document + "}}}").getBytes(UTF_8));
        broken.put("invalid UTF-8 C3 28", withBytes(document, new byte[] {(byte) 0xC3, 0x28}));
        broken.put("invalid UTF-8 FF FE", withBytes(document, new byte[] {(byte) 0xFF, (byte) 0xFE}));
        broken.put("overlong UTF-8 slash", withBytes(document, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        broken.put("UTF-8 surrogate ED A0 80", withBytes(document, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}));
        broken.put("nested arrays 10,000 deep", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(UTF_8));
        broken.put("nested objects 5,000 deep", ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(UTF_8));
        broken.put("unclosed nesting", "[".repeat(60_000).getBytes(UTF_8));
        broken.put("JSON bomb: 6,000 keys", manyKeys(6_000).getBytes(UTF_8));
        broken.put("JSON bomb: 30,000 element array", ("{\"rooms\":[" + "0,".repeat(30_000) + "0]}").getBytes(UTF_8));
        broken.put("JSON bomb: 60 KB number", ("{\"x\":" + "9".repeat(60_000) + "}").getBytes(UTF_8));
        broken.put("number 1e999999999", document.replaceFirst(":", ":1e999999999,\"y\":").getBytes(UTF_8));
        broken.put("2 MB body", ("{\"name\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}").getBytes(UTF_8));
        return broken;
    }

    private void json(String endpoint, String what, String path, String token, String body) {
        add(endpoint, what, "POST", path, token == null ? jsonType() : jsonWithToken(token), body.getBytes(UTF_8),
                Expect.PROBLEM);
    }

    private void signed(String what, byte[] body) {
        add("POST /line/webhook", what, "POST", "/line/webhook", Map.of("Content-Type", "application/json",
                "X-Line-Signature", WebhookSigner.sign(context.channelSecret(), body)), body, Expect.PROBLEM);
    }

    private void add(String endpoint, String what, String method, String path, Map<String, String> headers,
            byte[] body, Expect expect) {
        String lower = path.toLowerCase(Locale.ROOT);
        boolean dotSegments = lower.contains("..") || lower.contains("%2e") || lower.contains("%c0%ae");
        probes.add(new Probe(endpoint, what, method, path, headers, body, dotSegments ? Expect.SAFE_LANDING : expect));
    }

    private static String validRegistration() {
        return registrationWith(null, null);
    }

    /** A registration that is valid except for {@code field}, set to the raw JSON {@code value}. */
    private static String registrationWith(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("businessType", "\"FOOD_SERVICE\"");
        fields.put("scale", "\"UP_TO_50\"");
        fields.put("name", "\"不正入力テスト食堂\"");
        fields.put("postalCode", "\"020-8570\"");
        fields.put("address1", "\"岩手県盛岡市内丸10-1\"");
        fields.put("address2", "\"\"");
        fields.put("phone", "\"019-629-5487\"");
        fields.put("email", "\"corpus@example.com\"");
        fields.put("termsAccepted", "true");
        fields.put("receiveNotices", "false");
        fields.put("rooms", "[\"客席\"]");
        if (field != null) {
            fields.put(field, value);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, raw) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(raw));
        return json.append('}').toString();
    }

    private static String registrationWithout(String field) {
        ObjectNode body = (ObjectNode) parse(validRegistration());
        body.remove(field);
        return body.toString();
    }

    private static String caseWith(List<String> codes, List<String> dates, String window) {
        StringBuilder json = new StringBuilder("{\"codes\":[").append(String.join(",", codes)).append(']');
        if (dates != null) {
            json.append(",\"dates\":[").append(String.join(",", dates)).append(']');
        }
        if (window != null) {
            json.append(",\"window\":").append(window);
        }
        return json.append(",\"note\":\"不正入力テスト\"}").toString();
    }

    private static String manyRooms(int count) {
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rooms.add("\"部屋" + i + "\"");
        }
        return "[" + String.join(",", rooms) + "]";
    }

    private static String manyKeys(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    /** A JSON string literal holding {@code value} (escaped as JSON requires). */
    private static String text(String value) {
        return Http.JSON.getNodeFactory().textNode(value).toString();
    }

    private static String json(String value) {
        return text(value);
    }

    private static JsonNode parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String formOf(String json) {
        StringBuilder form = new StringBuilder();
        parse(json).fields().forEachRemaining(field -> form.append(form.length() > 0 ? "&" : "")
                .append(field.getKey()).append('=').append(encode(field.getValue().asText())));
        return form.toString();
    }

    /** The document with {@code bytes} spliced into its first string value. */
    private static byte[] withBytes(String document, byte[] bytes) {
        int quote = document.indexOf(":\"") + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(document.substring(0, quote).getBytes(UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(document.substring(quote).getBytes(UTF_8));
        return out.toByteArray();
    }

    private static Map<String, String> jsonType() {
        return Map.of("Content-Type", "application/json");
    }

    private static Map<String, String> jsonWithToken(String token) {
        return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, UTF_8).replace("+", "%20");
    }

    static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cc}", "·");
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "…(" + value.length() + ")";
    }
}
