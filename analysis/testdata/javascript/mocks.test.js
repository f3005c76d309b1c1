const nock = require('nock');
const MockAdapter = require('axios-mock-adapter');
const { fetchUser } = require('../src/users');

describe('fetchUser', () => {
  const mock = new MockAdapter(axios);

  it('returns the user', async () => {
    mock.onGet('/users/1').reply(200, { id: 1, name: 'Ada' }); // @want 200:status
    await expect(fetchUser(1)).resolves.toMatchObject({ id: 1 });
  });

  it('reports a missing user', async () => {
    nock('https://api.example.com').get('/users/2').reply(404); // @want 404:status
    nock('https://api.example.com').get('/users/3').delay(500).reply(503, 'busy'); // @want 503:status
    await expect(fetchUser(2)).rejects.toThrow('not found');
  });

  it('answers the chat', async () => {
    const msg = await bot.receive();
    await msg.reply(5);
    await queue.reply(1000, 'ack');
  });
});
