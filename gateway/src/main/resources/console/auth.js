// Sign-in with the authorization code flow and PKCE (RFC 7636) against the realm's public console client: the
// console never sees a password, keeps no client secret, and holds tokens only in this tab (sessionStorage,
// gone when the tab closes). Keycloak's own login page collects the password.
import {lang} from './i18n.js';

const LOGIN_KEY = 'moshisapo.console.login';
const TOKENS_KEY = 'moshisapo.console.tokens';
/** Renew a little before expiry, so a request never leaves with a token that expires on the way. */
const RENEW_BEFORE_MS = 30_000;

let config;

export function configure(consoleConfig) {
  config = consoleConfig;
}

function endpoint(name) {
  return `${config.oidcUrl}/protocol/openid-connect/${name}`;
}

/**
 * The console's own address in the staff member's language (registered as /console/*), so the page Keycloak sends
 * back to already speaks it; the screen that was open (the hash) is restored after the login.
 */
function redirectUri() {
  return `${location.origin}/console/${lang === 'en' ? '?lang=en' : ''}`;
}

function base64Url(bytes) {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Sends the browser to Keycloak's login page; it comes back to /console/ with ?code&state. */
export async function login() {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(LOGIN_KEY, JSON.stringify({verifier, state, returnTo: location.hash}));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ui_locales: lang,
  });
  location.assign(`${endpoint('auth')}?${query}`);
}

/**
 * Finishes a login when the page is Keycloak's redirect back (?code&state): checks the state, exchanges the code
 * with the PKCE verifier, and cleans the address bar. Returns false when the redirect carried an error.
 */
export async function completeLogin() {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) {
    return true;
  }
  const pending = JSON.parse(sessionStorage.getItem(LOGIN_KEY) || 'null');
  sessionStorage.removeItem(LOGIN_KEY);
  history.replaceState(null, '', redirectUri() + (pending ? pending.returnTo : ''));
  if (!pending || pending.state !== params.get('state') || !params.has('code')) {
    return false;
  }
  return tokenRequest({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    client_id: config.clientId,
    code_verifier: pending.verifier,
  });
}

async function tokenRequest(form) {
  try {
    const response = await fetch(endpoint('token'), {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams(form),
    });
    if (!response.ok) {
      return false;
    }
    const tokens = await response.json();
    sessionStorage.setItem(TOKENS_KEY, JSON.stringify({
      access: tokens.access_token,
      refresh: tokens.refresh_token,
      id: tokens.id_token || (stored() || {}).id,
      expiresAt: Date.now() + tokens.expires_in * 1000,
    }));
    return true;
  } catch (networkError) {
    return false;
  }
}

function stored() {
  return JSON.parse(sessionStorage.getItem(TOKENS_KEY) || 'null');
}

/** A valid access token (renewed with the refresh token when close to expiry), or null: log in again. */
export async function accessToken() {
  const tokens = stored();
  if (!tokens) {
    return null;
  }
  if (tokens.expiresAt - Date.now() > RENEW_BEFORE_MS) {
    return tokens.access;
  }
  const renewed = tokens.refresh && await tokenRequest({
    grant_type: 'refresh_token',
    refresh_token: tokens.refresh,
    client_id: config.clientId,
  });
  if (!renewed) {
    sessionStorage.removeItem(TOKENS_KEY);
    return null;
  }
  return stored().access;
}

/**
 * Who is signed in, read from the access token for display only (name, roles); the API checks the token's
 * signature and roles on every call.
 */
export function user() {
  const tokens = stored();
  if (!tokens) {
    return null;
  }
  const payload = tokens.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0))));
  const roles = (claims.realm_access && claims.realm_access.roles) || [];
  return {name: claims.preferred_username || claims.sub, subject: claims.sub, roles};
}

/** Forgets the tokens and ends the Keycloak session, coming back to the console's login screen. */
export function logout() {
  const tokens = stored();
  sessionStorage.removeItem(TOKENS_KEY);
  const query = new URLSearchParams({
    client_id: config.clientId,
    post_logout_redirect_uri: redirectUri(),
  });
  if (tokens && tokens.id) {
    query.set('id_token_hint', tokens.id);
  }
  location.assign(`${endpoint('logout')}?${query}`);
}
