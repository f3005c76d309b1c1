import { Hono } from 'hono';

const app = new Hono();
const PAGE_SIZE = 200;

app.get('/books/:id', async (c) => {
  const book = await books.find(c.req.param('id'));
  if (!book) {
    return c.json({ error: 'not found' }, 404); // @want 404:status
  }
  if (book.withdrawn) return c.text('withdrawn', 410); // @want 410:status
  if (book.pending) return c.body(null, 202); // @want 202:status
  return c.json(book);
});

app.get('/books', async (c) => {
  const page = await books.list({ limit: PAGE_SIZE, offset: 200 });
  c.header('X-Total', String(page.total));
  return c.json(page.items, 200); // @want 200:status
});
