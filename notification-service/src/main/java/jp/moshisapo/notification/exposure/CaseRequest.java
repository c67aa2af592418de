package jp.moshisapo.notification.exposure;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /admin/cases} as typed by staff: raw strings, parsed by {@link CaseRequestParser} so each
 * mistake gets its own message. Unknown members are collected and reported, not silently dropped.
 */
public final class CaseRequest {

    /** {@code window}: an explicit time range; ISO date-times, with offset or local to Asia/Tokyo. */
    public record WindowRequest(String from, String to) {
    }

    final List<String> codes;
    final List<String> dates;
    final WindowRequest window;
    final String template;
    final String message;
    final String extraText;
    final String note;
    final List<String> unknownFields = new ArrayList<>();

    @JsonCreator
    public CaseRequest(@JsonProperty("codes") List<String> codes, @JsonProperty("dates") List<String> dates,
            @JsonProperty("window") WindowRequest window, @JsonProperty("template") String template,
            @JsonProperty("message") String message,
            @JsonProperty("extraText") String extraText, @JsonProperty("note") String note) {
        this.codes = codes;
        this.dates = dates;
        this.window = window;
        this.template = template;
        this.message = message;
        this.extraText = extraText;
        this.note = note;
    }

    @JsonAnySetter
    void unknown(String name, Object ignored) {
        unknownFields.add(name);
    }
}
