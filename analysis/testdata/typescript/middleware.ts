import express, { NextFunction, Request, Response } from 'express';
import Fastify from 'fastify';

interface StatusError extends Error { status?: number }

export const notFound = (req: Request, res: Response, next: NextFunction) => {
  const err = new Error(`${req.method} ${req.originalUrl} not found`) as StatusError;
  err['status'] = 404; // @want 404:status:strong
  err['retries'] = 3;
  next(err);
};

export const onError = (err: StatusError, req: Request, res: Response, _next: NextFunction) => {
  res.status(err['status'] || 500); // @want 500:status
  res.json({ error: { code: err['status'] ?? 500, message: err.message } }); // @want 500:status
};

export const gone = (_req: Request, res: Response) => {
  res.status(410).json({ error: { code: 410, retryAfter: 300 } }); // @want 410:status 410:weak
};

const app = Fastify();
app.get('/items', {
  schema: {
    querystring: { limit: { type: 'integer', maximum: 200 } },
    response: {
      200: { type: 'array', items: { type: 'object' } }, // @want 200:documented
      404: { type: 'object', properties: { message: { type: 'string', maxLength: 300 } } }, // @want 404:documented
    },
  },
}, async () => []);

const palette = { code: 200, weight: 400 };
