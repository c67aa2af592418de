package jp.moshisapo.linesim.control;

import jp.moshisapo.linesim.LineIds;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.inbox.Friendships;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.linesim.inbox.ResidentLine;
import jp.moshisapo.linesim.messaging.Stats;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GET /sim/: the users the simulator knows and one user's chat as LINE-like bubbles, with buttons that tap
 * actions and a box to send text. Self-contained (inline CSS and script, no external resources), UTF-8.
 */
final class ChatPage {

    private static final int LISTED_USERS = 200;
    private static final int SHOWN_ENTRIES = 300;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM/dd HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));

    /** One bubble: from the resident (right) or from the account (left). */
    private record Bubble(Instant at, boolean fromResident, String text, String meta, List<String> actions,
            List<InboxMessage.Link> links) {
    }

    private ChatPage() {
    }

    static String render(LineSimulator sim, String rawQuery) {
        String selected = selectedUser(rawQuery);
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>LINE simulator ").append(esc(sim.config().botBasicId())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>");
        header(html, sim);
        html.append("<main><nav>");
        users(html, sim, selected);
        html.append("</nav><section>");
        if (selected != null) {
            chat(html, sim, selected);
        } else {
            html.append("<p class=\"hint\">Pick a user on the left, or drive one with the CLI: "
                    + "<code>line-simulator scan CODE as hanako</code>.</p>");
        }
        html.append("</section></main><script>").append(SCRIPT).append("</script></body></html>");
        return html.toString();
    }

    private static void header(StringBuilder html, LineSimulator sim) {
        Stats stats = sim.stats();
        html.append("<header><b>LINE simulator</b> ").append(esc(sim.config().botBasicId()))
                .append(" · webhook ").append(esc(String.valueOf(sim.config().webhookUrl())))
                .append(" · ").append(stats.messagesDelivered()).append(" messages to ")
                .append(stats.usersWithMessages()).append(" users")
                .append(" · <a href=\"/sim/stats\">stats</a> · <a href=\"/sim/\">refresh</a></header>");
    }

    private static void users(StringBuilder html, LineSimulator sim, String selected) {
        List<String> users = sim.inboxes().someUsers(LISTED_USERS);
        html.append("<h2>Users (").append(sim.inboxes().userCount()).append(")</h2><ul>");
        for (String userId : users) {
            html.append("<li").append(userId.equals(selected) ? " class=\"on\"" : "").append("><a href=\"/sim/?user=")
                    .append(userId).append("\">").append(esc(name(sim.friendships(), userId))).append("</a> <small>")
                    .append(sim.inboxes().size(userId)).append("</small></li>");
        }
        html.append("</ul>");
    }

    private static void chat(StringBuilder html, LineSimulator sim, String userId) {
        html.append("<h2>").append(esc(name(sim.friendships(), userId))).append(" <small>").append(userId)
                .append(sim.friendships().isBlocked(userId) ? " · blocked" : "").append("</small></h2>")
                .append("<div class=\"chat\" data-user=\"").append(userId).append("\">");
        List<Bubble> bubbles = bubbles(sim, userId);
        for (Bubble b : bubbles.subList(Math.max(0, bubbles.size() - SHOWN_ENTRIES), bubbles.size())) {
            html.append("<div class=\"row ").append(b.fromResident() ? "me" : "bot").append("\"><div class=\"bubble\">")
                    .append(esc(b.text()));
            if (!b.actions().isEmpty()) {
                html.append("<div class=\"actions\">");
                for (String label : b.actions()) {
                    html.append("<button data-act=\"tap\" data-label=\"").append(esc(label)).append("\">")
                            .append(esc(label)).append("</button>");
                }
                html.append("</div>");
            }
            if (!b.links().isEmpty()) {
                html.append("<div class=\"actions\">");
                for (InboxMessage.Link link : b.links()) {
                    // only the schemes LINE opens reach the inbox (the validator refuses others)
                    html.append("<a class=\"link\" href=\"").append(esc(link.uri())).append("\">")
                            .append(esc(link.label())).append("</a>");
                }
                html.append("</div>");
            }
            html.append("</div><small>").append(esc(b.meta())).append("</small></div>");
        }
        html.append("</div>");
        richMenu(html, sim);
        html.append("<form id=\"send\"><input name=\"text\" placeholder=\"メッセージを入力\" autocomplete=\"off\">")
                .append("<button>send</button> <button type=\"button\" data-act=\"follow\">follow</button>")
                .append("<button type=\"button\" data-act=\"unfollow\">block</button></form>");
    }

    /**
     * The default rich menu under the chat, as LINE shows it: its image with each area a button placed by its
     * bounds (in percent of the menu), tapping sends the area's action as a webhook.
     */
    private static void richMenu(StringBuilder html, LineSimulator sim) {
        sim.richMenus().defaultMenu().filter(menu -> menu.image() != null).ifPresent(menu -> {
            html.append("<div class=\"richmenu\" title=\"").append(esc(menu.definition().path("name").asText()))
                    .append("\"><img alt=\"\" src=\"/sim/richmenu/image?").append(esc(menu.id())).append("\">");
            List<com.fasterxml.jackson.databind.JsonNode> areas = menu.areas();
            for (int i = 0; i < areas.size(); i++) {
                var bounds = areas.get(i).path("bounds");
                var action = areas.get(i).path("action");
                String label = action.path("label").asText(action.path("text").asText(action.path("data").asText()));
                html.append("<button data-act=\"richmenu\" data-area=\"").append(i).append("\" style=\"")
                        .append(percent("left", bounds.path("x").asInt(), menu.width()))
                        .append(percent("top", bounds.path("y").asInt(), menu.height()))
                        .append(percent("width", bounds.path("width").asInt(), menu.width()))
                        .append(percent("height", bounds.path("height").asInt(), menu.height()))
                        .append("\" aria-label=\"").append(esc(label)).append("\"></button>");
            }
            html.append("<div class=\"chatbar\">").append(esc(menu.definition().path("chatBarText").asText()))
                    .append("</div></div>");
        });
    }

    private static String percent(String property, int value, int whole) {
        return property + ":" + String.format(java.util.Locale.ROOT, "%.3f", 100.0 * value / whole) + "%;";
    }

    private static List<Bubble> bubbles(LineSimulator sim, String userId) {
        List<Bubble> bubbles = new ArrayList<>();
        for (ResidentLine line : sim.inboxes().residentLines(userId)) {
            bubbles.add(new Bubble(line.at(), true, line.text(), TIME.format(line.at()) + " " + line.kind(),
                    List.of(), List.of()));
        }
        for (InboxMessage m : sim.inbox(userId)) {
            bubbles.add(new Bubble(m.receivedAt(), false, m.shownText(), TIME.format(m.receivedAt()) + " " + m.via()
                    + ("flex".equals(m.type()) ? " · flex" : ""), m.actionLabels(), m.links()));
        }
        bubbles.sort(Comparator.comparing(Bubble::at));
        return bubbles;
    }

    private static String name(Friendships friendships, String userId) {
        return friendships.friend(userId).map(Friendships.Friend::displayName)
                .orElse(userId.substring(0, 9) + "…");
    }

    private static String selectedUser(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("user=") && LineIds.isUserId(pair.substring(5))) {
                return pair.substring(5);
            }
        }
        return null;
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body{margin:0;font-family:"Hiragino Sans","Noto Sans CJK JP","Noto Sans JP",Meiryo,sans-serif;\
            background:#f5f5f5;color:#222}
            header{background:#06c755;color:#fff;padding:8px 16px}header a{color:#fff}
            main{display:flex;min-height:calc(100vh - 40px)}
            nav{width:260px;background:#fff;border-right:1px solid #ddd;overflow:auto;padding:0 8px}
            nav ul{list-style:none;padding:0}nav li{padding:4px}nav li.on{background:#e6f9ee}
            section{flex:1;padding:0 16px;background:#8cabd9;overflow:auto}
            h2 small{font-weight:normal;font-size:12px}
            .row{display:flex;flex-direction:column;margin:8px 0}.row.me{align-items:flex-end}
            .bubble{max-width:70%;padding:8px 12px;border-radius:16px;background:#fff;white-space:pre-wrap}
            .me .bubble{background:#85e249}
            .row small{font-size:11px;color:#334}
            .actions{display:flex;gap:6px;margin-top:8px;flex-wrap:wrap}
            .actions button,.actions a.link{border:1px solid #06c755;background:#fff;color:#06c755;border-radius:8px;\
            padding:6px 10px;text-decoration:none}
            form{display:flex;gap:6px;padding:12px 0}form input{flex:1;padding:8px}
            .hint{background:#fff;padding:12px;border-radius:8px}
            .richmenu{position:relative;max-width:640px;margin-top:8px}.richmenu img{width:100%;display:block}
            .richmenu button{position:absolute;background:transparent;border:1px dashed rgba(0,0,0,.15);cursor:pointer}
            .richmenu button:hover{background:rgba(6,199,85,.15)}
            .chatbar{background:#fff;text-align:center;padding:6px;border-top:1px solid #ddd}
            """;

    private static final String SCRIPT = """
            const chat = document.querySelector('.chat');
            async function act(action, body) {
              const r = await fetch('/sim/users/' + chat.dataset.user + '/' + action,
                {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body || {})});
              if (!r.ok) { const p = await r.json(); alert(p.detail || r.status); }
              location.reload();
            }
            document.addEventListener('click', e => {
              const b = e.target.closest('[data-act]');
              if (!b || !chat) return;
              e.preventDefault();
              act(b.dataset.act, b.dataset.act === 'tap' ? {label: b.dataset.label}
                : b.dataset.act === 'richmenu' ? {area: Number(b.dataset.area)} : {});
            });
            const form = document.getElementById('send');
            if (form) form.addEventListener('submit', e => {
              e.preventDefault();
              const text = form.elements.text.value;
              if (text) act('text', {text});
            });
            if (chat) window.scrollTo(0, document.body.scrollHeight);
            """;
}
