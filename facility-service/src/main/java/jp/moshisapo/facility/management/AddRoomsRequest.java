package jp.moshisapo.facility.management;

import java.util.List;

/** {@code POST /api/facilities/{id}/rooms}: names of rooms to issue new codes for. */
public record AddRoomsRequest(List<String> rooms) {
}
