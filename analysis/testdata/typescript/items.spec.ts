import request from 'supertest';
import { app } from '../src/app';

describe('GET /items', () => {
  it.each([
    ['/items', 200], // @want 200:status
    ['/items/404', 404], // @want 404#2:status
    ['/items?limit=500', 400], // @want 400:status
  ])('GET %s answers %i', async (path: string, status: number) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(status);
  });

  it.each([[200, 5000]])('pages by %i within %i ms', async (limit: number, timeoutMs: number) => {
    const res = await request(app).get(`/items?limit=${limit}`);
    expect(res.body.length).toBeLessThanOrEqual(limit);
  });

  for (const [path, expectedStatus] of [['/health', 200], ['/ready', 503]] as const) { // @want 200 503:expected
    it(`GET ${path}`, async () => {
      expect((await request(app).get(path)).status).toBe(expectedStatus);
    });
  }
});
