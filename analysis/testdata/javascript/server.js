const express = require('express');
const createError = require('http-errors');
const { StatusCodes } = require('http-status-codes');

const app = express();
const PORT = process.env.PORT || 3000;
const CACHE_TTL = 300;

app.use(express.json({ limit: '500kb' }));

// GET /items responds 200 with at most 200 items. @want 200:comment
app.get('/items', async (req, res) => {
  const items = await db.items.find().limit(200);
  res.status(200).json(items); // @want 200:status
});

app.get('/items/:id', async (req, res, next) => {
  const item = await db.items.findById(req.params.id);
  if (!item) {
    return res.status(404).json({ error: 'Not found', retryAfter: 500 }); // @want 404
  }
  if (item.deleted) {
    return next(createError(410, 'Item was deleted')); // @want 410:error
  }
  res.json(item);
});

app.post('/items', (req, res) => {
  if (!req.body.name) {
    return res.sendStatus(400); // @want 400
  }
  res.status(StatusCodes.CREATED).send({ ok: true }); // @want StatusCodes.CREATED=201:status
});

app.get('/legacy', (req, res) => res.redirect(301, '/items')); // @want 301:redirect
app.get('/legacy2', (req, res) => res.redirect('/items'));
app.get('/legacy3', (req, res) => {
  let status = 302; // @want 302:status
  if (req.query.permanent) status = 308; // @want 308:status
  res.status(status).send();
});

app.use((err, req, res, next) => {
  const status = err.status || 500; // @want 500:status
  res.statusCode = status;
  res.writeHead(503, { 'Retry-After': 120 }); // @want 503
  console.error(`request failed with ${err.status}`, setTimeout(next, 500));
});

async function fetchUser(id) {
  const response = await fetch(`https://api.example.com/users/${id}?limit=100`);
  if (response.status === 404) { // @want 404:compare
    return null;
  }
  if (!response.ok || response.status >= 500) { // @want 500
    throw new Error(`upstream returned ${response.status}`);
  }
  return response.json();
}

// The branches of a conditional stand where the conditional does.
app.get('/orders/:id', async (req, res) => {
  const order = await orders.find(req.params.id, { limit: req.query.stale ? 200 : 500 });
  res.status(order ? 200 : 404).json(order); // @want 200:status 404:status
  res.status(order.failed ? 500 : order.cached ? 304 : 200).end(); // @want 500 304 200
  const body = { status: order.paid ? 201 : 402, retries: order.paid ? 100 : 300 }; // @want 201 402
  setTimeout(flush, order.big ? 500 : 100);
});

// The HTTP/2 core API names the status by its pseudo-header.
h2server.on('stream', (stream, headers) => {
  if (headers[':path'] === '/old') {
    stream.respond({ ':status': 301, location: '/new' }); // @want 301:status
    return;
  }
  stream.respond({ ':status': 200, 'content-length': 404 }); // @want 200:status
  stream.end('ok');
});

function color() {
  return { fontWeight: 400, color: '#404040', width: 200, zIndex: 500 };
}

app.listen(PORT, () => console.log(`listening on ${PORT}`));
