package jp.moshisapo.linesim.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.moshisapo.linesim.LineIds;

/** The channel's rich menus as LINE keeps them: definitions, their one image each, and the default menu. */
public final class RichMenus {

    /** LINE lets a channel keep at most 1,000 rich menus. */
    static final int MAX_MENUS = 1000;

    /** One menu: its definition (with {@code richMenuId}) and, once uploaded, its image. */
    public record RichMenu(String id, ObjectNode definition, byte[] image, String contentType) {

        public List<JsonNode> areas() {
            List<JsonNode> areas = new ArrayList<>();
            definition.path("areas").forEach(areas::add);
            return areas;
        }

        public int width() {
            return definition.path("size").path("width").asInt();
        }

        public int height() {
            return definition.path("size").path("height").asInt();
        }
    }

    private final Map<String, RichMenu> menus = new LinkedHashMap<>();
    private String defaultId;

    synchronized String create(ObjectNode definition) {
        if (menus.size() >= MAX_MENUS) {
            throw ApiError.of(400, "The maximum number of rich menus has been reached");
        }
        String id = "richmenu-" + LineIds.requestId().replace("-", "").substring(0, 32);
        ObjectNode stored = definition.deepCopy();
        stored.put("richMenuId", id);
        menus.put(id, new RichMenu(id, stored, null, null));
        return id;
    }

    synchronized void upload(String id, byte[] image, String contentType) {
        RichMenu menu = find(id);
        if (menu.image() != null) {
            throw ApiError.of(400, "An image has already been uploaded to the richmenu");
        }
        menus.put(id, new RichMenu(id, menu.definition(), image, contentType));
    }

    synchronized void delete(String id) {
        find(id);
        menus.remove(id);
        if (id.equals(defaultId)) {
            defaultId = null;
        }
    }

    synchronized void setDefault(String id) {
        if (find(id).image() == null) {
            throw ApiError.of(400, "must upload richmenu image before applying it to user");
        }
        defaultId = id;
    }

    synchronized void clearDefault() {
        defaultId = null;
    }

    synchronized RichMenu find(String id) {
        RichMenu menu = menus.get(id);
        if (menu == null) {
            throw ApiError.of(404, "Not found");
        }
        return menu;
    }

    public synchronized List<RichMenu> all() {
        return List.copyOf(menus.values());
    }

    /** The menu every user sees (LINE's default rich menu), if one is set. */
    public synchronized Optional<RichMenu> defaultMenu() {
        return Optional.ofNullable(defaultId).map(menus::get);
    }

    public synchronized void clear() {
        menus.clear();
        defaultId = null;
    }
}
