package jp.moshisapo.linesim.messaging;

/**
 * Counters of one Messaging API endpoint.
 *
 * @param requests     every request that reached the endpoint
 * @param accepted     2xx answers (work done)
 * @param rateLimited  429 answers (rate limit or injected)
 * @param conflicts    409 answers (retry key already accepted)
 * @param clientErrors other 4xx answers (400 bad body or reply token, 401, 404, 413, injected 4xx)
 * @param serverErrors 5xx answers (injected)
 * @param recipients   recipient ids in accepted requests, before dropping users who blocked the account
 */
public record EndpointStats(long requests, long accepted, long rateLimited, long conflicts, long clientErrors,
                            long serverErrors, long recipients) {
}
