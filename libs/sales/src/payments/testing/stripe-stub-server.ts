import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form-encoded body as Stripe's SDK sends it: nested keys stay flat, e.g. `metadata[bookingId]`. */
  form: Record<string, string>;
}

export interface StubResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface StripeStub {
  /** An origin to set as `STRIPE_API_URL`. */
  url: string;
  requests: RecordedStripeRequest[];
  /** Answers the next request with `response` instead of the stub's usual success. */
  answerNextWith(response: StubResponse): void;
  close(): Promise<void>;
}

/**
 * A loopback stand-in for api.stripe.com that records every request. It creates PaymentIntents and refunds, and
 * replays its first answer to a repeated `Idempotency-Key`, as Stripe does.
 */
export async function startStripeStub(): Promise<StripeStub> {
  const requests: RecordedStripeRequest[] = [];
  const scripted: StubResponse[] = [];
  const answered = new Map<string, StubResponse>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: RecordedStripeRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
    };
    requests.push(request);
    const key = req.headers['idempotency-key'] as string | undefined;
    const response = scripted.shift() ?? (key ? answered.get(key) : undefined) ?? succeed(request);
    if (key && response.status < 500) answered.set(key, response);
    send(res, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerNextWith: (response) => void scripted.push(response),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

function succeed({ method, path, form }: RecordedStripeRequest): StubResponse {
  if (method === 'POST' && path === '/v1/payment_intents') {
    const id = `pi_${randomBytes(8).toString('hex')}`;
    return {
      status: 200,
      body: {
        id,
        object: 'payment_intent',
        amount: Number(form.amount),
        currency: form.currency,
        status: 'requires_payment_method',
        client_secret: `${id}_secret_${randomBytes(8).toString('hex')}`,
        metadata: { bookingId: form['metadata[bookingId]'] },
      },
    };
  }
  if (method === 'POST' && path === '/v1/refunds') {
    return {
      status: 200,
      body: {
        id: `re_${randomBytes(8).toString('hex')}`,
        object: 'refund',
        payment_intent: form.payment_intent,
        amount: Number(form.amount),
        status: 'succeeded',
      },
    };
  }
  return {
    status: 404,
    body: {
      error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` },
    },
  };
}

function send(res: ServerResponse, { status, body, headers }: StubResponse): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_stub', ...headers });
  res.end(JSON.stringify(body));
}
