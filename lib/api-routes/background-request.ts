/**
 * Marks a request the browser makes on its own (a poll, a refetch of data already on screen), not on the admin's
 * action: the server then does not count it as activity, so a change page left open does not keep an idle session
 * alive. Leaving it off can only shorten a session, so the server trusts it as sent.
 */
export const BACKGROUND_REQUEST_HEADER = 'x-console-background';
