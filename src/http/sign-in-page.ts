const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

/**
 * What a browser gets instead of the dashboard before signing in: a plain form that posts the token to
 * /api/v2/session, which sets the cookie and returns to the page. The dashboard's route is in the address's hash
 * (`#/orders?status=pending`), which browsers never send, so a small script of this server (SIGN_IN_SCRIPT, allowed by
 * `script-src 'self'`) adds it to `return_to`; without script the form still works and returns to the path. The empty
 * icon (as the dashboard's page has) keeps the browser from asking for /favicon.ico, a 404 in its console.
 */
export function signInPage (options: { tokenRequired: boolean, message: string, returnTo?: string }): string {
  const form = options.tokenRequired
    ? `<form method="post" action="/api/v2/session">
  <label for="token">API token (ROMS_API_TOKEN)</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
  <input type="hidden" name="return_to" value="${escapeHtml(options.returnTo ?? '/')}">
  <button type="submit">Sign in</button>
</form>`
    : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ROMS: sign in</title>
<link rel="icon" href="data:,">
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 10vh auto; padding: 0 1rem; color: #1d2330 }
label, input, button { display: block; width: 100%; box-sizing: border-box; margin-top: .5rem }
input, button { padding: .6rem; font: inherit }
p { color: #4a5568 }
</style>
<script src="${SIGN_IN_SCRIPT_PATH}" defer></script>
</head>
<body>
<h1>ROMS</h1>
<p>${escapeHtml(options.message)}</p>
${form}
</body>
</html>
`
}

export const SIGN_IN_SCRIPT_PATH = '/sign-in.js'

export const SIGN_IN_SCRIPT = `'use strict'
const field = document.querySelector('input[name="return_to"]')
if (field !== null && location.hash.length > 1) field.value = field.value.split('#')[0] + location.hash
`
