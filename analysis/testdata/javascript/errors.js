const express = require('express');

class ExpressError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

const router = express.Router();
const MAX_NAME = 255;

router.get('/orders/:id', async (req, res, next) => {
  const order = await findOrder(req.params.id);
  if (!order) return next(new ExpressError('Order not found', 404)); // @want 404:error:weak
  if (order.name.length > MAX_NAME) return next(new ValidationError('name too long', 255));
  if (order.locked) throw new ApiError(423, 'locked'); // @want 423:error
  setTimeout(() => next(new TimeoutError('slow upstream', 300)), 500);
  res.json(order);
});

module.exports = router;
