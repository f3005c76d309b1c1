const request = require('supertest');
const app = require('../app');

describe('GET /items', () => {
  jest.setTimeout(500);

  it('lists items', async () => {
    const res = await request(app).get('/items?limit=200');
    expect(res.status).toBe(200); // @want 200:expected
    expect(res.body.length).toBe(200);
    expect(res.statusCode).toEqual(200); // @want 200:expected
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
