// Retry policy for the upstream catalogue client.
const RETRYABLE_STATUS_CODES = new Set([408, 429, 502, 503]); // @want 408:condition:weak 429 502 503
const RETRY_DELAYS = [100, 200, 400];
const DEFAULT_PAGE_SIZES = [100, 200, 500];

const policy = {
  retries: 3,
  statusCodes: [500, 502, 504], // @want 500:condition 502 504
  backoff: [200, 400, 800],
  timeout: 500,
};

function shouldRetry(status) {
  return RETRYABLE_STATUS_CODES.has(status);
}

module.exports = { policy, shouldRetry, DEFAULT_PAGE_SIZES, RETRY_DELAYS };

// Names about statuses that hold other numbers.
const STATUS_POLL_INTERVALS = [100, 200, 500];
const statusBarSizes = [200, 300];
const commonStatusBadgeStyle = { fontWeight: 500, borderRadius: 20 };
