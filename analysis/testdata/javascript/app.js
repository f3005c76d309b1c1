const express = require('express');
const app = express();
const PORT = 3000;

app.use(express.json({ limit: '200kb' }));

// catch 404 and forward to the error handler @want 404:comment:weak
app.use((req, res, next) => next(createError(404))); // @want 404:error

// 500 - anything the routes did not handle @want 500:comment
app.use((err, req, res, next) => {
  res.status(err.status || 500).send('Something broke'); // @want 500:status
});

// the last middleware // 404 @want 404:comment
app.use((req, res) => res.sendStatus(404)); // @want 404

/*
 * Errors: 403/500 answers come from the gateway, not from here. @want 403:comment 500
 * Retries use jitter for 429/5xx replies. @want 429 5xx
 * Buffers: 200/300 entries, flushed every 100 ms.
 */
app.listen(PORT, () => console.log(`listening on ${PORT}`)); // 300

