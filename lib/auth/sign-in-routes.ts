import 'server-only';

import { NextResponse, type NextRequest } from 'next/server';

import { logger } from '@/lib/log/logger';
import type { AppConfig } from '@/lib/config/env';
import { getDb, type Db } from '@/lib/db';

import { loopbackAliasRedirect } from './app-origin';
import { BROWSER_ID_MAX_AGE_SECONDS, hashBrowserId, newBrowserId, readBrowserId } from './browser-id';
import { clientAddress } from './client-address';
import { browserCookie, loginCookie, logoutHintCookie, sessionCookie, type CookieSpec } from './cookies';
import { callbackGuard, type CallbackGuard } from './callback-guard';
import { LOGIN_STATE_TTL_SECONDS, loginStateHash, sealLoginState, unsealLoginState } from './login-state';
import { sealLogoutHint, unsealLogoutHint } from './logout-hint';
import { endSessionUrl, finishSignIn, startSignIn } from './oidc';
import { safeReturnTo } from './return-to';
import { isSameOriginRequest } from './same-origin';
import { sealSessionId, sessionMaxAgeSeconds } from './session';
import {
  browserRevokedAt,
  endSessionOfCookie,
  LoginStateUsedError,
  loginStateUsed,
  peekSessionFromCookie,
  recordRefusedSignIn,
  startSession,
  type SignedInUser,
} from './session-store';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

interface PageLink {
  href: string;
  label: string;
}

/**
 * A small page for a failed sign-in step: the reason stays in the server log, the user gets a way back. Text is
 * escaped here: a message may hold the name an IdP gave.
 */
function failurePage(
  status: number,
  message: string,
  title = 'Sign-in failed',
  links: PageLink[] = [{ href: '/auth/login', label: 'Sign in again' }],
): Response {
  const items = links.map((l) => `<p><a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a></p>`).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${items}</main></body></html>`;
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function redirectTo(location: URL): NextResponse {
  const res = NextResponse.redirect(location, 303);
  res.headers.set('Cache-Control', 'no-store');
  return res;
}

function clear(res: NextResponse, spec: CookieSpec): void {
  res.cookies.set({ name: spec.name, value: '', ...spec.attributes, maxAge: 0 });
}

/** A Set-Cookie line that deletes the cookie, for a plain Response (the failure pages). */
function clearedCookie(spec: CookieSpec): string {
  const { path, secure } = spec.attributes;
  return `${spec.name}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The path of a step-up's way back without the action it reopens: `/changes/{id}?approve=1` -> `/changes/{id}`. */
const pathOf = (returnTo: string) => new URL(returnTo, 'http://x').pathname;

/**
 * GET /auth/login: seals PKCE verifier, state, nonce and returnTo into a 10-minute cookie, then goes to the IdP.
 *
 * `?stepUp=1` (an approval asked for a recent sign-in) re-authenticates the person of the browser's live session:
 * `prompt=login`, `max_age=STEP_UP_MAX_AGE` and their `login_hint`, and the callback accepts only that person.
 * A browser whose newest session was revoked (ended from another browser, or signed out) is sent with
 * `prompt=login` too, so the IdP's own session cannot sign it back in without a password.
 */
export async function handleLogin(
  req: NextRequest,
  config: AppConfig,
  now = Date.now(),
  db: Db = getDb(),
): Promise<Response> {
  const alias = loopbackAliasRedirect(
    req.headers.get('host'),
    req.nextUrl.pathname + req.nextUrl.search,
    config.appUrl,
  );
  if (alias) return redirectTo(alias);
  const returnTo = safeReturnTo(req.nextUrl.searchParams.get('returnTo'));
  const stepUp = req.nextUrl.searchParams.get('stepUp') === '1';
  let started: Awaited<ReturnType<typeof startSignIn>>;
  try {
    const browserId = readBrowserId(req.cookies.get(browserCookie(config).name)?.value);
    const reauthAfter = browserId ? await browserRevokedAt(db, hashBrowserId(browserId)) : null;
    const current = stepUp
      ? await peekSessionFromCookie(req.cookies.get(sessionCookie(config).name)?.value, config.sessionSecret, now, db)
      : null;
    started = await startSignIn(config, returnTo, {
      maxAgeSeconds: stepUp ? config.changes.stepUpMaxAgeSeconds : null,
      expectedSubject: current && {
        iss: current.iss,
        sub: current.user.sub,
        name: current.user.name,
        loginHint: current.user.email || current.user.sub,
      },
      reauthAfter,
    });
  } catch (error) {
    logger.error({ err: error }, 'sign-in could not start');
    return failurePage(502, 'The sign-in provider could not be reached. Try again in a moment.');
  }
  const res = redirectTo(started.url);
  const spec = loginCookie(config);
  const value = await sealLoginState(started.state, config.sessionSecret);
  res.cookies.set({ name: spec.name, value, ...spec.attributes, maxAge: LOGIN_STATE_TTL_SECONDS });
  return res;
}

const cannotRecord = () => failurePage(503, 'The console could not record this sign-in. Try again in a moment.');

/** Clock difference tolerated between the IdP and the console when judging a step-up's `auth_time`. */
const AUTH_TIME_SKEW_MS = 5_000;

/** Whether a step-up sign-in's `auth_time` is within the `max_age` it asked for (an IdP may ignore max_age). */
function freshEnough(authTime: number | null, maxAgeSeconds: number, now: number): boolean {
  return authTime !== null && now - authTime <= maxAgeSeconds * 1000 + AUTH_TIME_SKEW_MS;
}

/**
 * GET /auth/callback: checks the transaction, exchanges the code, and swaps the login cookie for a session: a row
 * in the database (recorded with its `sign_in` event) and a cookie that carries only the row's random id. The
 * session the browser had, if any, is revoked (`sign_out`, how `replaced`): a step-up leaves one live session.
 * A step-up whose `auth_time` is missing or older than the `max_age` it asked for is refused: no session.
 *
 * Nothing an unauthenticated client sends here writes a row. Anyone can get a login cookie from /auth/login and so
 * knows its state: a callback whose state matches proves nothing until the IdP's token answer does (client-
 * authenticated, the ID token signed and carrying our nonce). So a callback without a cookie, with another state,
 * with a login state already used, or whose code the IdP refuses is answered and logged, never recorded; only a
 * refusal of someone the IdP vouched for is an audit event (`sign_in_refused` with that actor, at most
 * CALLBACK_GUARD_LIMITS.refusalsPerSubject per subject per window). A login state makes one session: refused on
 * reuse before the IdP is asked (in memory on this replica, by the session rows' unique hash on every replica).
 * Refused exchanges are counted per process: past the limit, callbacks are answered 429 without asking the IdP.
 */
export async function handleCallback(
  req: NextRequest,
  config: AppConfig,
  now = Date.now(),
  db: Db = getDb(),
  guard: CallbackGuard = callbackGuard(),
): Promise<Response> {
  const loginSpec = loginCookie(config);
  // Every answer but a mismatch ends this browser's attempt: the cookie cannot serve twice anyway.
  const ended = (res: Response) => {
    res.headers.append('Set-Cookie', clearedCookie(loginSpec));
    return res;
  };
  const state = await unsealLoginState(req.cookies.get(loginSpec.name)?.value, config.sessionSecret);
  if (!state) return ended(failurePage(400, 'This sign-in attempt expired or was already used.'));
  // Another attempt's answer (or a forged one) must not end this browser's own attempt: its cookie is kept.
  if (req.nextUrl.searchParams.get('state') !== state.state) {
    logger.warn('sign-in callback refused: its state is not the one this browser started');
    return failurePage(400, 'This answer from the sign-in provider does not belong to this browser’s sign-in.');
  }
  const stateHash = loginStateHash(state);
  if (!guard.take(stateHash) || (await loginStateUsed(db, stateHash))) {
    logger.warn('sign-in callback refused: its login state was already used');
    return ended(failurePage(400, 'This sign-in attempt expired or was already used.'));
  }
  const wait = await guard.exchangeWaitSeconds();
  if (wait > 0) {
    logger.warn({ retryAfterSeconds: wait }, 'sign-in callback refused: too many refused sign-ins on this server');
    const res = ended(
      failurePage(429, `Too many sign-ins failed on this server just now. Try again in ${wait} seconds.`),
    );
    res.headers.set('Retry-After', String(wait));
    return res;
  }
  let signedIn: Awaited<ReturnType<typeof finishSignIn>>;
  try {
    // Built from APP_URL, not the Host header, so redirect_uri matches what the IdP has registered.
    signedIn = await finishSignIn(config, new URL(`/auth/callback${req.nextUrl.search}`, config.appUrl), state);
  } catch (error) {
    // Nobody is proven: logged and counted, never written (the IdP's error text is not ours to store).
    await guard.exchangeRefused();
    logger.warn({ err: error }, 'sign-in callback refused: the IdP answer or token exchange was refused');
    return ended(failurePage(400, 'The sign-in provider’s answer could not be accepted.'));
  }
  const expected = state.expectedSubject;
  if (expected && (signedIn.iss !== expected.iss || signedIn.user.sub !== expected.sub)) {
    // Someone else signed in at the IdP (a shared browser, a colleague at the desk): the approval is not theirs to
    // give, and the session that asked stays exactly as it was.
    logger.warn({ expected: expected.sub, sub: signedIn.user.sub }, 'step-up signed in as another person');
    await recordRefusal(
      guard,
      db,
      signedIn,
      `a step-up for ${expected.sub} signed in as ${signedIn.user.sub} at ${signedIn.iss}`,
    );
    const who = signedIn.user.name || signedIn.user.sub;
    return ended(
      failurePage(
        403,
        `The sign-in provider signed in ${who}, but this approval needs ${expected.name}'s own sign-in. Nothing was approved, and the console is still signed in as ${expected.name}.`,
        `Sign in as ${expected.name} to approve`,
        [
          { href: pathOf(state.returnTo), label: 'Back to the change' },
          {
            href: `/auth/login?stepUp=1&returnTo=${encodeURIComponent(state.returnTo)}`,
            label: `Sign in again as ${expected.name}`,
          },
        ],
      ),
    );
  }
  // auth_time counts whole seconds: an authentication in the second of the revocation counts as after it.
  const revokedSecond = state.reauthAfter === null ? null : Math.floor(state.reauthAfter / 1000) * 1000;
  if (revokedSecond !== null && (signedIn.authTime === null || signedIn.authTime < revokedSecond)) {
    logger.warn({ sub: signedIn.user.sub, authTime: signedIn.authTime }, 'a revoked browser was not re-authenticated');
    await recordRefusal(
      guard,
      db,
      signedIn,
      'this browser’s session was ended and the IdP did not authenticate again (prompt=login ignored)',
    );
    return ended(
      failurePage(
        401,
        'The session of this browser was ended, so signing in again needs your password, but the sign-in provider signed you in with its earlier session without asking. Sign out at the sign-in provider, then sign in again.',
        'Sign in with your password',
      ),
    );
  }
  if (state.maxAgeSeconds !== null && !freshEnough(signedIn.authTime, state.maxAgeSeconds, now)) {
    logger.warn({ sub: signedIn.user.sub, authTime: signedIn.authTime }, 'step-up sign-in was not fresh');
    await recordRefusal(guard, db, signedIn, 'a step-up sign-in came back without a fresh auth_time');
    return ended(
      failurePage(
        401,
        `Approving a change needs a fresh sign-in, but the sign-in provider did not confirm one (its auth_time is missing or older than ${state.maxAgeSeconds} seconds). Your session is unchanged; sign out and sign in again, then approve.`,
        'Fresh sign-in not confirmed',
      ),
    );
  }
  const browserSpec = browserCookie(config);
  const knownBrowser = readBrowserId(req.cookies.get(browserSpec.name)?.value);
  const browserId = knownBrowser ?? newBrowserId();
  const device = {
    userAgent: req.headers.get('user-agent'),
    ip: clientAddress(req.headers.get('x-forwarded-for'), config.trustedProxyHops),
    browserHash: hashBrowserId(browserId),
  };
  let started: Awaited<ReturnType<typeof startSession>>;
  try {
    started = await startSession(db, { ...signedIn, loginStateHash: stateHash, device }, now);
  } catch (error) {
    if (error instanceof LoginStateUsedError) {
      logger.warn({ sub: signedIn.user.sub }, 'sign-in callback refused: its login state made a session already');
      return ended(failurePage(400, 'This sign-in attempt expired or was already used.'));
    }
    logger.error({ err: error, sub: signedIn.user.sub }, 'session could not be recorded');
    return ended(cannotRecord());
  }
  const { session } = started;
  const previous = req.cookies.get(sessionCookie(config).name)?.value;
  if (previous) {
    // The new session stands either way; an old one left live is logged, and still ends on its own terms.
    await endSessionOfCookie(db, previous, config.sessionSecret, now, 'replaced').catch((e: unknown) =>
      logger.error({ err: e }, 'the session replaced by this sign-in could not be revoked'),
    );
  }
  const res = redirectTo(new URL(safeReturnTo(state.returnTo), config.appUrl));
  const spec = sessionCookie(config);
  const value = await sealSessionId(started.id, config.sessionSecret);
  res.cookies.set({ name: spec.name, value, ...spec.attributes, maxAge: sessionMaxAgeSeconds(session, now) });
  const hintSpec = logoutHintCookie(config);
  const hint = signedIn.idToken ? await sealLogoutHint(signedIn.idToken, config.sessionSecret) : undefined;
  // A previous user's hint must not outlive their session: replaced, or cleared when this one does not fit.
  if (hint)
    res.cookies.set({
      name: hintSpec.name,
      value: hint,
      ...hintSpec.attributes,
      maxAge: sessionMaxAgeSeconds(session, now),
    });
  else clear(res, hintSpec);
  if (!knownBrowser)
    res.cookies.set({
      name: browserSpec.name,
      value: browserId,
      ...browserSpec.attributes,
      maxAge: BROWSER_ID_MAX_AGE_SECONDS,
    });
  clear(res, loginSpec);
  return res;
}

/**
 * Writes a refusal of someone the IdP vouched for to the audit trail, at most CALLBACK_GUARD_LIMITS.refusalsPerSubject
 * per subject per window (more are logged only); a failure to write is logged, the refusal stands.
 */
async function recordRefusal(guard: CallbackGuard, db: Db, signedIn: SignedInUser, reason: string): Promise<void> {
  if (!(await guard.mayRecordRefusal(`${signedIn.iss}\n${signedIn.user.sub}`))) return;
  await recordRefusedSignIn(db, signedIn, reason).catch((e: unknown) =>
    logger.error({ err: e }, 'refused sign-in could not be recorded'),
  );
}

/** Where sign-out continues: the IdP's end_session_endpoint, or the landing page when there is none or it is unknown. */
async function afterSignOut(req: NextRequest, config: AppConfig): Promise<URL> {
  const hint = await unsealLogoutHint(req.cookies.get(logoutHintCookie(config).name)?.value, config.sessionSecret);
  try {
    return (await endSessionUrl(config, hint)) ?? new URL('/', config.appUrl);
  } catch (error) {
    // Unreachable IdP: the console session still ends; the IdP's own session expires on its own terms.
    logger.warn({ err: error }, 'sign-out could not reach the IdP');
    return new URL('/', config.appUrl);
  }
}

/**
 * POST /auth/logout: same-origin only (a cross-site form must not sign people out). Revokes the session's row first
 * (with its `sign_out` event), so a copy of the cookie is refused at once on every replica; then clears the console's
 * cookies and ends the IdP session too (RP-initiated logout), which returns the browser to the landing page, so that
 * the next sign-in asks who you are instead of silently reusing the last user.
 */
export async function handleLogout(
  req: NextRequest,
  config: AppConfig,
  now = Date.now(),
  db: Db = getDb(),
): Promise<Response> {
  if (!isSameOriginRequest(req.headers, config.appUrl)) {
    return new Response('Cross-site sign-out refused.', { status: 403, headers: { 'Cache-Control': 'no-store' } });
  }
  try {
    await endSessionOfCookie(db, req.cookies.get(sessionCookie(config).name)?.value, config.sessionSecret, now);
  } catch (error) {
    // Clearing the cookies now would look like a sign-out while a copied cookie still worked: say so instead.
    logger.error({ err: error }, 'session could not be revoked');
    return failurePage(
      503,
      'Sign-out could not be recorded, so your session is still active. Go back and try again in a moment.',
      'Sign-out failed',
    );
  }
  const res = redirectTo(await afterSignOut(req, config));
  clear(res, sessionCookie(config));
  clear(res, loginCookie(config));
  clear(res, logoutHintCookie(config));
  return res;
}
