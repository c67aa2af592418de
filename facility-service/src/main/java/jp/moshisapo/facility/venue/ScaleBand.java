package jp.moshisapo.facility.venue;

/** 利用規模数: the expected number of visitors a day (participants for an event), in bands. */
public enum ScaleBand {
    UP_TO_10,
    UP_TO_50,
    UP_TO_100,
    UP_TO_300,
    UP_TO_1000,
    OVER_1000
}
