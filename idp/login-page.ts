const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface LoginPageOptions {
  /** The interaction id from the URL (already restricted to a safe charset by the router). */
  uid: string;
  clientId: string;
  /** Shown above the form after a refused attempt. */
  error?: string;
  username?: string;
}

/** The dev IdP's sign-in form: plain HTML, labelled fields (tests find them by label), no script. */
export function loginPage(o: LoginPageOptions): string {
  const error = o.error ? `<p role="alert" class="error">${escapeHtml(o.error)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in – Dev IdP</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f4f5;color:#18181b;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;padding:2rem;border-radius:.75rem;box-shadow:0 1px 3px #0002;width:min(22rem,90vw)}
label{display:block;margin-top:1rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;border:1px solid #a1a1aa;border-radius:.375rem;font:inherit}
button{margin-top:1.5rem;width:100%;padding:.6rem;border:0;border-radius:.375rem;background:#1d4ed8;color:#fff;font:inherit;font-weight:600;cursor:pointer}
.error{color:#b91c1c}.hint{color:#52525b;font-size:.875rem}
</style>
</head>
<body>
<main>
<h1>Sign in</h1>
<p class="hint">Development identity provider for <strong>${escapeHtml(o.clientId)}</strong>. Users: alice and bob (admins), vera (viewer), nora (no access). Any password works.</p>
${error}
<form method="post" action="/interaction/${escapeHtml(o.uid)}/login">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(o.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`;
}
