const request = require('supertest');
const app = require('../app');

describe('GET /items', () => {
  jest.setTimeout(500);

  it('lists items', async () => {
    const res = await request(app).get('/items?limit=200');
    expect(res.status).toBe(200); // @want 200:expected
    expect(res.body.length).toBe(200);
    expect(res.statusCode).toEqual(200); // @want 200:expected
    expect(res.status).toBeOneOf([200, 304]); // @want 200:compare 304:compare
    expect(res.body.sizes).toBeOneOf([200, 404]);
    expectStatus(res, [200, 204]); // @want 200:condition:weak 204:condition:weak
  });

  it('404s on a missing item', () => {
    return request(app)
      .get('/items/404')
      .expect('Content-Type', /json/)
      .expect(404); // @want 404:expected
  });

  it('rejects bad input', async () => {
    const res = await request(app).post('/items').send({});
    assert.equal(res.status, 400); // @want 400:expected
    assert.equal(res.body.count, 400);
  });
});

describe('item routes', () => {
  for (const [path, expectedStatus] of [['/items', 200], ['/items/404', 404]]) { // @want 200 404#2:expected
    it(`GET ${path}`, async () => {
      const res = await request(app).get(path);
      expect(res.status).toBe(expectedStatus);
    });
  }
  for (const status of [500, 502]) { // @want 500 502:status
    it(`retries after ${status}`, () => {});
  }
  for (const [limit, timeout] of [[200, 404]]) {
    it(`pages by ${limit}`, () => {});
  }
});

describe('item table', () => {
  it.each([
    ['/items', 200], // @want 200:status
    ['/items/404', 404], // @want 404#2:status
  ])('GET %s answers %i', async (path, status) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(status);
  });
  test.each([500, 502])('retries after %i', (statusCode) => {}); // @want 500 502:status
  test.each([[200, 404]])('pages by %i', (limit, timeout) => {});
  $.each([200, 404], function (i, status) {});
});
