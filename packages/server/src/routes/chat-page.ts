/**
 * The demo chat page served at `/`: a customer widget in one HTML file (no build step) that uses
 * the public API only — create a conversation, stream it over SSE, post messages.
 */

/** The page. Messages are inserted as text (never HTML). */
export const CHAT_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchboard demo desk</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f4f5f7; }
  main { max-width: 720px; margin: 0 auto; padding: 16px; display: flex; flex-direction: column; height: 100vh; box-sizing: border-box; }
  h1 { font-size: 18px; margin: 0 0 8px; }
  #log { flex: 1; overflow-y: auto; background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 12px; }
  .message { margin: 8px 0; white-space: pre-wrap; }
  .customer { text-align: right; }
  .customer span { background: #2563eb; color: #fff; }
  .message span { display: inline-block; padding: 8px 12px; border-radius: 12px; background: #eef0f3; max-width: 85%; text-align: left; }
  .author { display: block; font-size: 12px; color: #667; margin-bottom: 2px; }
  form { display: flex; gap: 8px; margin-top: 8px; }
  input { flex: 1; padding: 10px; border: 1px solid #ccc; border-radius: 8px; font: inherit; }
  button { padding: 10px 16px; border: 0; border-radius: 8px; background: #2563eb; color: #fff; font: inherit; cursor: pointer; }
  #status { font-size: 12px; color: #667; min-height: 16px; }
</style>
</head>
<body>
<main>
  <h1>Switchboard demo desk</h1>
  <div id="log" aria-live="polite"></div>
  <div id="status"></div>
  <form id="form"><input id="text" autocomplete="off" placeholder="Ask about an order, a refund, the return policy…" maxlength="4000" required><button>Send</button></form>
</main>
<script>
const log = document.getElementById('log');
const statusLine = document.getElementById('status');
const seen = new Set();
function show(message) {
  if (seen.has(message.id)) return;
  seen.add(message.id);
  const row = document.createElement('div');
  row.className = 'message ' + message.role;
  const bubble = document.createElement('span');
  const author = document.createElement('small');
  author.className = 'author';
  author.textContent = message.role === 'customer' ? 'you' : message.author;
  bubble.append(author, document.createTextNode(message.text));
  row.append(bubble);
  log.append(row);
  log.scrollTop = log.scrollHeight;
}
async function session() {
  const saved = sessionStorage.getItem('switchboard');
  if (saved) return JSON.parse(saved);
  const response = await fetch('/v1/conversations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'web' }) });
  const body = await response.json();
  const value = { id: body.conversation.id, token: body.token };
  sessionStorage.setItem('switchboard', JSON.stringify(value));
  return value;
}
(async () => {
  const { id, token } = await session();
  const transcript = await fetch('/v1/conversations/' + id, { headers: { authorization: 'Bearer ' + token } });
  if (transcript.ok) (await transcript.json()).messages.forEach(show);
  const stream = new EventSource('/v1/conversations/' + id + '/stream?access_token=' + encodeURIComponent(token));
  stream.addEventListener('message', (event) => show(JSON.parse(event.data)));
  stream.addEventListener('turn', () => { statusLine.textContent = ''; });
  document.getElementById('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = document.getElementById('text');
    const text = input.value;
    input.value = '';
    statusLine.textContent = 'The desk is typing…';
    const response = await fetch('/v1/conversations/' + id + '/messages', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token, 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify({ text }) });
    const body = await response.json();
    if (!response.ok) statusLine.textContent = body.error.message;
    else show(body.message);
  });
})();
</script>
</body>
</html>
`;
