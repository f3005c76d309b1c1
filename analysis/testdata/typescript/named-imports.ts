import { Request, Response } from 'express';
import { NOT_FOUND, StatusCodes } from 'http-status-codes'; // @want NOT_FOUND=404:mention

const { CREATED, BAD_REQUEST } = StatusCodes; // @want CREATED=201:mention BAD_REQUEST=400:mention
const { OK } = config.labels;

export async function createUser(req: Request, res: Response) {
  if (await users.exists(req.body.email)) {
    return res.status(BAD_REQUEST).json({ error: 'taken' }); // @want BAD_REQUEST=400:status
  }
  res.status(CREATED).json(await users.add(req.body)); // @want CREATED=201:status
}

export async function getUser(req: Request, res: Response) {
  const user = await users.find(req.params.id);
  if (!user) {
    return res.sendStatus(NOT_FOUND); // @want NOT_FOUND=404:status
  }
  res.json({ user, label: OK });
}
