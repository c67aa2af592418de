package jp.moshisapo.facility.venue;

/**
 * 業態: the kinds of venue and event in the seed's 「利用対象施設・イベントの例」; labels and examples are texts
 * ({@code businessType_$<NAME>} / {@code businessTypeExamples_$<NAME>}).
 */
public enum BusinessType {
    FOOD_SERVICE,
    THEATER,
    ASSEMBLY_EXHIBITION,
    MUSEUM,
    SPORTS_AMUSEMENT,
    NIGHTLIFE,
    COMMERCIAL,
    INDOOR_EVENT,
    OUTDOOR_EVENT,
    OTHER
}
