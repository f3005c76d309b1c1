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

// Redirects that drop the request body, and statuses worth a second try.
function followable(request, response) {
  if (request.method === 'POST' && [301, 302].includes(response.status)) { // @want 301:compare 302:compare
    return 'GET';
  }
  if (![200, 301, 308].includes(response.statusCode)) { // @want 200:compare 301:compare 308:compare
    return null;
  }
  const widths = [100, 200, 300];
  return widths.includes(request.width) || [500, 600].indexOf(request.size) >= 0 ? 'resize' : request.method;
}

function retryOptions({ statusCodes, sizes } = {}) {
  return {
    statusCodes: statusCodes ?? [429, 503], // @want 429:condition 503:condition
    sizes: sizes || [100, 200],
  };
}

// The same test on an axios error, with axios's constants.
function axiosRetryable(err) {
  return err.response?.status === HttpStatusCode.TooManyRequests; // @want HttpStatusCode.TooManyRequests=429
}
