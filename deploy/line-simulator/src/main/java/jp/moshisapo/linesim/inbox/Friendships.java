package jp.moshisapo.linesim.inbox;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who follows the official account and who blocked it. LINE silently drops messages to a user who blocked the
 * account, while ids it has never seen are delivered (a benchmark multicasts to a million such ids).
 */
public final class Friendships {

    /** A user the simulator has seen follow or unfollow. */
    public record Friend(boolean following, String displayName) {
    }

    private final ConcurrentHashMap<String, Friend> byUser = new ConcurrentHashMap<>();

    /** Records a follow; returns true when the user had blocked the account before (LINE's isUnblocked). */
    public boolean follow(String userId, String displayName) {
        Friend before = byUser.get(userId);
        String name = displayName != null && !displayName.isBlank() ? displayName
                : before != null ? before.displayName() : defaultName(userId);
        byUser.put(userId, new Friend(true, name));
        return before != null && !before.following();
    }

    public void unfollow(String userId) {
        Friend before = byUser.get(userId);
        byUser.put(userId, new Friend(false, before != null ? before.displayName() : defaultName(userId)));
    }

    public boolean isBlocked(String userId) {
        Friend friend = byUser.get(userId);
        return friend != null && !friend.following();
    }

    /** The user, if they currently follow the account (LINE's profile API answers 404 otherwise). */
    public Optional<Friend> friend(String userId) {
        return Optional.ofNullable(byUser.get(userId)).filter(Friend::following);
    }

    public void clear() {
        byUser.clear();
    }

    private static String defaultName(String userId) {
        return "LINEユーザー" + userId.substring(userId.length() - 4);
    }
}
