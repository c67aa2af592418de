package jp.moshisapo.facility.notice;

import java.util.List;
import jp.moshisapo.facility.venue.BusinessType;

/**
 * Who a notice is for: venues that opted in, narrowed to some business types and municipalities (empty lists
 * narrow nothing). A municipality matches a venue whose 住所1 names it (盛岡市, 岩手郡雫石町…).
 */
public record Audience(List<BusinessType> businessTypes, List<String> municipalities) {

    public Audience {
        businessTypes = List.copyOf(businessTypes);
        municipalities = List.copyOf(municipalities);
    }
}
