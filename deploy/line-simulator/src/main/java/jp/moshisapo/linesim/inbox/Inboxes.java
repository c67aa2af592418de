package jp.moshisapo.linesim.inbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every user's chat, in memory. Kept lean because a benchmark fills it with a million recipients: all recipients
 * of one request share the same {@link InboxMessage} objects, and a user holding a single message costs only a
 * slot in a {@link UserTable} pointing at that shared message (a {@link UserInbox} is made once a second entry
 * arrives).
 */
public final class Inboxes {

    /** Values are an {@link InboxMessage} (the user's only message) or a {@link UserInbox}. */
    private final UserTable byUser = new UserTable();
    private final AtomicInteger usersWithMessages = new AtomicInteger();
    private final LongAdder delivered = new LongAdder();

    /** Appends the messages of one request to the user's chat, in order. */
    public void deliver(String userId, InboxMessage[] messages) {
        boolean[] first = new boolean[1];
        byUser.compute(userId, current -> {
            if (current == null) {
                first[0] = true;
                return messages.length == 1 ? messages[0] : new UserInbox().add(messages);
            }
            UserInbox inbox = asUserInbox(current);
            first[0] = inbox.size() == 0;
            return inbox.add(messages);
        });
        if (first[0]) {
            usersWithMessages.incrementAndGet();
        }
        delivered.add(messages.length);
    }

    public void recordResident(String userId, ResidentLine line) {
        byUser.compute(userId, current -> asUserInbox(current).addResidentLine(line));
    }

    /** The user's received messages, oldest first (a copy). */
    public List<InboxMessage> inbox(String userId) {
        Object entry = byUser.get(userId);
        if (entry == null) {
            return List.of();
        }
        return entry instanceof InboxMessage only ? List.of(only) : ((UserInbox) entry).messages();
    }

    public List<ResidentLine> residentLines(String userId) {
        return byUser.get(userId) instanceof UserInbox inbox ? inbox.residentLines() : List.of();
    }

    public int size(String userId) {
        return sizeOf(byUser.get(userId));
    }

    /** Received-message count per user, for users who received or sent anything, sorted by user id. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        byUser.forEach((userId, entry) -> counts.put(userId, sizeOf(entry)));
        return counts;
    }

    /** Up to {@code limit} user ids, the ones who talked to the bot first; for the chat page. */
    public List<String> someUsers(int limit) {
        List<String> talked = new ArrayList<>();
        List<String> others = new ArrayList<>();
        byUser.forEach((userId, entry) -> {
            if (entry instanceof UserInbox inbox && inbox.hasResidentLines()) {
                if (talked.size() < limit) {
                    talked.add(userId);
                }
            } else if (others.size() < limit) {
                others.add(userId);
            }
        });
        Collections.sort(talked);
        Collections.sort(others);
        talked.addAll(others.subList(0, Math.min(others.size(), limit - talked.size())));
        return talked;
    }

    public int userCount() {
        return byUser.size();
    }

    public int usersWithMessages() {
        return usersWithMessages.get();
    }

    /** Messages delivered since start or the last {@link #clear()} (one per recipient and message). */
    public long delivered() {
        return delivered.sum();
    }

    public void clear() {
        byUser.clear();
        usersWithMessages.set(0);
        delivered.reset();
    }

    private static UserInbox asUserInbox(Object entry) {
        if (entry == null) {
            return new UserInbox();
        }
        return entry instanceof UserInbox inbox ? inbox : new UserInbox().add(new InboxMessage[]{(InboxMessage) entry});
    }

    private static int sizeOf(Object entry) {
        return entry == null ? 0 : entry instanceof UserInbox inbox ? inbox.size() : 1;
    }

    /** A chat with several messages or with resident lines; a plain growing array. */
    private static final class UserInbox {
        private static final InboxMessage[] NONE = new InboxMessage[0];
        private InboxMessage[] messages = NONE;
        private int size;
        private List<ResidentLine> residentLines;

        synchronized UserInbox add(InboxMessage[] added) {
            if (size + added.length > messages.length) {
                messages = Arrays.copyOf(messages, Math.max(size + added.length, size * 2));
            }
            System.arraycopy(added, 0, messages, size, added.length);
            size += added.length;
            return this;
        }

        synchronized UserInbox addResidentLine(ResidentLine line) {
            if (residentLines == null) {
                residentLines = new ArrayList<>();
            }
            residentLines.add(line);
            return this;
        }

        synchronized List<InboxMessage> messages() {
            return List.of(Arrays.copyOf(messages, size));
        }

        synchronized List<ResidentLine> residentLines() {
            return residentLines == null ? List.of() : List.copyOf(residentLines);
        }

        synchronized boolean hasResidentLines() {
            return residentLines != null;
        }

        synchronized int size() {
            return size;
        }
    }
}
